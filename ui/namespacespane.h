#pragma once

#include "ui/livetablepane.h"

namespace models {
class NamespaceModel;
}

namespace ui {

// The namespaces of a connected cluster with their pod counts (all, on CCI). Selecting
// namespaces (several with Ctrl/Shift) narrows the other live panes to them:
// selectedNamespaces() and namespacesSelected() say which; clearNamespaces() shows all again.
class NamespacesPane : public LiveTablePane
{
    Q_OBJECT
    Q_PROPERTY(QStringList selectedNamespaces READ selectedNamespaces NOTIFY namespacesSelected)
public:
    explicit NamespacesPane(models::ClusterSession *session, QWidget *parent = nullptr);
    models::NamespaceModel *model() const { return m_model; }
    QStringList selectedNamespaces() const { return m_selected; }

    // Makes `pane` follow the selection (and its clear button clear it).
    void narrow(LiveTablePane *pane);

public slots:
    void clearNamespaces();

signals:
    void namespacesSelected(const QStringList &namespaces);

private:
    void selectionChanged();

    models::NamespaceModel *m_model;
    QStringList m_selected;
};

} // namespace ui
