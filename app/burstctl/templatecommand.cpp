#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/burst/workloadtemplate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>

// `burstctl template NAME --namespace NS [--set K=V ...]`: renders a workload template
// (docs/templates.md). Templates come from --template-dir folders, then
// $XDG_DATA_HOME/burst-console/templates (and the XDG data dirs), then the built-in ones.
namespace cli {

namespace {

const QString kBuiltinFolder = QStringLiteral(":/templates");

QStringList templateFolders(const Invocation &in)
{
    QStringList folders = in.values(QStringLiteral("template-dir"));
    for (const QString &data :
         QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        folders << data + QStringLiteral("/burst-console/templates");
    folders << kBuiltinFolder;
    return folders;
}

// NAME.yaml or NAME.yml in the first folder that has one.
QString findTemplate(const QStringList &folders, const QString &name)
{
    for (const QString &folder : folders) {
        for (const char *suffix : {".yaml", ".yml"}) {
            const QString path = folder + u'/' + name + QLatin1String(suffix);
            if (QFileInfo::exists(path))
                return path;
        }
    }
    return {};
}

core::Result<core::burst::WorkloadTemplate> loadTemplate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("template.read"),
                           Tr::tr("cannot read %1: %2").arg(path, file.errorString()),
                           {}};
    core::Result<core::burst::WorkloadTemplate> parsed = core::burst::parseWorkloadTemplate(
        file.read(core::kube::limits::kMaxManifestFileBytes), path);
    if (parsed && parsed->name != QFileInfo(path).completeBaseName())
        return core::Error{QStringLiteral("template.schema"),
                           Tr::tr("%1 declares template \"%2\"; the file must be named after it")
                               .arg(path, parsed->name),
                           {}};
    return parsed;
}

QString sourceLabel(const QString &path)
{
    return path.startsWith(kBuiltinFolder) ? Tr::tr("built-in") : path;
}

int list(const Invocation &in)
{
    QStringList seen;
    int status = 0;
    for (const QString &folder : templateFolders(in)) {
        const QStringList files = QDir(folder).entryList(
            {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            const QString path = folder + u'/' + file;
            const auto t = loadTemplate(path);
            if (!t) {
                err() << t.error().message << '\n';
                status = 1;
                continue;
            }
            const bool shadowed = seen.contains(t->name);
            seen << t->name;
            out() << QStringLiteral("%1  %2%3\n    %4\n")
                         .arg(t->name.leftJustified(12), sourceLabel(path),
                              shadowed ? Tr::tr(" (shadowed by the one above)") : QString(),
                              t->description);
        }
    }
    out().flush();
    err().flush();
    return status;
}

int helpParams(const core::burst::WorkloadTemplate &t)
{
    out() << Tr::tr("Parameters of template %1 (%2):\n").arg(t.name, sourceLabel(t.source));
    for (const core::burst::TemplateParameter &p : t.parameters) {
        QString how;
        if (p.isSecret())
            how = Tr::tr("from $%1 or --secret-stdin %2")
                      .arg(core::burst::secretEnvironmentName(p.name), p.name);
        else if (!p.defaultValue.isUndefined())
            how = Tr::tr("default %1").arg(p.defaultValue.toVariant().toString());
        if (p.required)
            how = how.isEmpty() ? Tr::tr("required") : Tr::tr("required, %1").arg(how);
        out() << QStringLiteral("  %1 (%2; %3)\n      %4\n")
                     .arg(p.name, core::burst::parameterTypeName(p.type), how, p.description);
        if (!p.allowed.isEmpty())
            out() << Tr::tr("      one of: %1\n").arg(p.allowed.join(QStringLiteral(", ")));
        for (const core::burst::TemplateTarget &target : p.targets)
            out() << QStringLiteral("      -> %1\n").arg(target.toString());
    }
    out().flush();
    return 0;
}

QString readStandardInput()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray text = in.readAll();
    if (text.endsWith('\n'))
        text.chop(1);
    if (text.endsWith('\r'))
        text.chop(1);
    return QString::fromUtf8(text);
}

// --set values, then every secret from --secret-stdin or its environment variable.
core::Result<QHash<QString, QString>> gatherValues(const Invocation &in,
                                                   const core::burst::WorkloadTemplate &t)
{
    QHash<QString, QString> values;
    for (const QString &assignment : in.values(QStringLiteral("set"))) {
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0)
            return core::Error{QStringLiteral("template.set"),
                               Tr::tr("--set %1 is not KEY=VALUE").arg(assignment),
                               {}};
        const QString key = assignment.left(eq);
        const core::burst::TemplateParameter *p = t.parameter(key);
        if (p && p->isSecret())
            return core::Error{
                QStringLiteral("template.secretOnCommandLine"),
                Tr::tr("%1 is a secret parameter and is not taken on the command line (other "
                       "users see it in the process list)")
                    .arg(key),
                Tr::tr("Set %1 in the environment, or give --secret-stdin %2 and pipe the value.")
                    .arg(core::burst::secretEnvironmentName(key), key)};
        values.insert(key, assignment.mid(eq + 1));
    }
    const QString fromStdin = in.value(QStringLiteral("secret-stdin"));
    if (!fromStdin.isEmpty()) {
        const core::burst::TemplateParameter *p = t.parameter(fromStdin);
        if (!p || !p->isSecret())
            return core::Error{QStringLiteral("template.secretStdin"),
                               Tr::tr("--secret-stdin %1: template %2 has no secret parameter of "
                                      "that name")
                                   .arg(fromStdin, t.name),
                               {}};
        values.insert(fromStdin, readStandardInput());
    }
    for (const core::burst::TemplateParameter &p : t.parameters) {
        if (!p.isSecret() || values.contains(p.name))
            continue;
        const QByteArray variable = core::burst::secretEnvironmentName(p.name).toLatin1();
        if (qEnvironmentVariableIsSet(variable.constData()))
            values.insert(p.name, qEnvironmentVariable(variable.constData()));
    }
    return values;
}

int run(const Invocation &in)
{
    if (in.isSet(QStringLiteral("list")))
        return list(in);
    if (in.positional().size() != 1)
        return in.usageError();
    const QString name = in.positional().first();
    const QString path = findTemplate(templateFolders(in), name);
    if (path.isEmpty())
        return in.fail(Tr::tr("no template \"%1\"; burstctl template --list shows them").arg(name));
    const auto t = loadTemplate(path);
    if (!t)
        return in.fail(t.error(), 2);
    if (in.isSet(QStringLiteral("help-params")))
        return helpParams(t.value());
    const QString nameSpace = in.value(QStringLiteral("namespace"));
    if (nameSpace.isEmpty())
        return in.fail(Tr::tr("give --namespace NAMESPACE"));
    const auto values = gatherValues(in, t.value());
    if (!values)
        return in.fail(values.error(), 2);
    const auto objects = core::burst::renderTemplate(t.value(), nameSpace, values.value());
    if (!objects)
        return in.fail(objects.error(), 2);
    out() << QString::fromUtf8(core::burst::toMultiDocumentYaml(objects.value()));
    out().flush();
    return 0;
}

} // namespace

Command templateCommand()
{
    return Command{
        .name = QStringLiteral("template"),
        .summary = Tr::tr("Print the objects of a workload template (e.g. wordpress) as YAML"),
        .help = Tr::tr(
            "Renders a workload template for a namespace and prints every object as "
            "multi-document YAML, ready for burstctl preview -f - or kubectl apply -f -.\n\n"
            "A template is a YAML file: a parameter schema (name, type string/int/bool/"
            "quantity/secret, default, required, description, the field paths each value goes "
            "to) followed by the objects (docs/templates.md). Values are inserted as YAML "
            "nodes at those paths, never by text substitution, so a value cannot add fields. "
            "A secret parameter can only go into a Secret's data or stringData; workloads read "
            "it through secretKeyRef.\n\n"
            "Where templates come from: each --template-dir, then "
            "$XDG_DATA_HOME/burst-console/templates (~/.local/share/...) and the XDG data "
            "dirs, then the built-in ones (wordpress: the guide's WordPress + MySQL). The file "
            "is NAME.yaml; the first folder that has it wins.\n\n"
            "Secret values are never taken from the command line (the process list shows it): "
            "each comes from the environment variable BURST_SECRET_<NAME> (mysqlRootPassword: "
            "BURST_SECRET_MYSQL_ROOT_PASSWORD) or, for one parameter, from standard input with "
            "--secret-stdin NAME. A missing required secret is an error naming it. The output "
            "holds the secrets: pipe it, do not keep it in a file.\n\n"
            "Exit status: 0 printed, 1 --list met a broken template, 2 bad input or template."),
        .options =
            {{{QStringLiteral("n"), QStringLiteral("namespace")},
              Tr::tr("Namespace of every object."),
              Tr::tr("NAMESPACE")},
             {QStringLiteral("set"), Tr::tr("A parameter's value (not for secrets). Repeatable."),
              Tr::tr("KEY=VALUE")},
             {QStringLiteral("secret-stdin"),
              Tr::tr("Read this secret parameter's value from standard input."), Tr::tr("NAME")},
             {QStringLiteral("template-dir"),
              Tr::tr("A folder of templates, searched first. Repeatable."), Tr::tr("DIR")},
             {QStringLiteral("list"), Tr::tr("List the templates and where they come from.")},
             {QStringLiteral("help-params"),
              Tr::tr("Show the template's parameters, their types, defaults and "
                     "targets.")}},
        .positionals = {{QStringLiteral("NAME"), Tr::tr("The template, e.g. wordpress."),
                         QStringLiteral("[NAME]")}},
        .run = run,
    };
}

} // namespace cli
