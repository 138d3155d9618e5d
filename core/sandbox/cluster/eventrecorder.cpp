#include "core/sandbox/cluster/eventrecorder.h"

#include "core/sandbox/store/objectstore.h"

#include <QCryptographicHash>

namespace core::sandbox {

namespace {

const ResourceType &eventsType()
{
    static const ResourceType type{QString(), QStringLiteral("v1"), QStringLiteral("events"),
                                   QStringLiteral("Event")};
    return type;
}

QString timestamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

EventRecorder::EventRecorder(ObjectStore &store, QString component, QString host)
    : m_store(store), m_component(std::move(component)), m_host(std::move(host))
{
}

void EventRecorder::record(const QJsonObject &involved, const QString &type,
                           const QString &reason, const QString &message, const QDateTime &now)
{
    const QJsonObject meta = involved.value(u"metadata").toObject();
    QString ns = meta.value(u"namespace").toString();
    if (ns.isEmpty())
        ns = QStringLiteral("default"); // events about cluster-scoped objects (nodes)
    const QString objectName = meta.value(u"name").toString();
    // A stable name per (object, reason, message), so a repeat finds its Event.
    const QByteArray digest =
        QCryptographicHash::hash(QString(meta.value(u"uid").toString() + u'/' + reason + u'/' +
                                         message)
                                     .toUtf8(),
                                 QCryptographicHash::Sha1)
            .toHex()
            .left(16);
    const QString name = QString(objectName + u'.' + QString::fromLatin1(digest));

    const auto existing = m_store.get(eventsType(), ns, name);
    if (existing) {
        QJsonObject event = *existing;
        event.insert(QStringLiteral("count"), event.value(u"count").toInt(1) + 1);
        event.insert(QStringLiteral("lastTimestamp"), timestamp(now));
        (void)m_store.update(eventsType(), ns, name, event);
        return;
    }
    QJsonObject ref{{QStringLiteral("kind"), involved.value(u"kind")},
                    {QStringLiteral("apiVersion"), involved.value(u"apiVersion")},
                    {QStringLiteral("name"), objectName},
                    {QStringLiteral("uid"), meta.value(u"uid")},
                    {QStringLiteral("resourceVersion"), meta.value(u"resourceVersion")}};
    if (!meta.value(u"namespace").toString().isEmpty())
        ref.insert(QStringLiteral("namespace"), ns);
    QJsonObject source{{QStringLiteral("component"), m_component}};
    if (!m_host.isEmpty())
        source.insert(QStringLiteral("host"), m_host);
    const QJsonObject event{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"), ref},
        {QStringLiteral("type"), type},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("source"), source},
        {QStringLiteral("reportingComponent"), m_component},
        {QStringLiteral("count"), 1},
        {QStringLiteral("firstTimestamp"), timestamp(now)},
        {QStringLiteral("lastTimestamp"), timestamp(now)},
    };
    (void)m_store.create(eventsType(), ns, event);
}

} // namespace core::sandbox
