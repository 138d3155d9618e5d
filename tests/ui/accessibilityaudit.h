#pragma once

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAccessible>
#include <QDockWidget>
#include <QGraphicsView>
#include <QHeaderView>
#include <QMetaEnum>
#include <QSet>
#include <QStackedWidget>
#include <QStringList>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QWidget>

// What assistive technology meets in a window, read through Qt's accessibility tree as AT-SPI
// reads it: every control, view and pane the operator works with has a name, and every item
// view exposes its cells with the text its model shows and its column titles. Problems are
// collected (each with the widget's path: class#objectName up to its window) so one failure
// lists everything to fix.
namespace a11yaudit {

// "QTableView#pods < ui::PodsPane[Burst pods] < QStackedWidget < ..." (the nearest ancestors).
inline QString pathOf(const QObject *object)
{
    QStringList parts;
    for (const QObject *o = object; o && parts.size() < 6; o = o->parent()) {
        QString part = QString::fromLatin1(o->metaObject()->className());
        if (!o->objectName().isEmpty())
            part += u'#' + o->objectName();
        if (const auto *w = qobject_cast<const QWidget *>(o); w && !w->accessibleName().isEmpty())
            part += u'[' + w->accessibleName() + u']';
        parts.append(part);
        if (const auto *w = qobject_cast<const QWidget *>(o); w && w->isWindow())
            break;
    }
    return parts.join(QStringLiteral(" < "));
}

// The roles an operator operates or reads as one thing (controls, views, custom views, windows)
// and our own panes (ui:: widgets, whatever their role): each must have a name.
inline bool needsName(QAccessibleInterface *iface)
{
    switch (iface->role()) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Dial:
    case QAccessible::PageTab:
    case QAccessible::PageTabList:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::List:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::Terminal:
    case QAccessible::Chart:
    case QAccessible::Graphic:
    case QAccessible::Dialog:
    case QAccessible::Window:
    case QAccessible::ProgressBar:
        return true;
    default:
        break;
    }
    const QObject *o = iface->object();
    return o && (QByteArray(o->metaObject()->className()).startsWith("ui::") ||
                 o->inherits("QDockWidget") || o->inherits("QGraphicsView"));
}

class Audit
{
public:
    // Problems found so far, each once, in the order found.
    QStringList problems() const { return m_problems; }
    int interfacesSeen() const { return m_seen; }
    int cellsChecked() const { return m_cells; }

    // Walks the tree of `window` as it shows now (invisible parts are skipped).
    void walk(QWidget *window)
    {
        QAccessibleInterface *root = QAccessible::queryAccessibleInterface(window);
        if (!root) {
            add(window, pathOf(window) + QStringLiteral(": no accessible interface"));
            return;
        }
        visit(root, 0);
    }

    // Walks `window` once with each page of each tab widget and stack and each dock in front
    // (cells are read where they show), then names what is still hidden (a form's rows for
    // another choice, a search bar not opened, a mode's buttons).
    void walkEveryPage(QWidget *window)
    {
        walk(window);
        QList<QWidget *> fronts;
        for (QStackedWidget *stack : window->findChildren<QStackedWidget *>()) {
            for (int i = 0; i < stack->count(); ++i)
                fronts.append(stack->widget(i));
        }
        for (QDockWidget *dock : window->findChildren<QDockWidget *>())
            fronts.append(dock);
        for (QWidget *front : fronts) {
            reveal(front);
            walk(window);
        }
        for (QWidget *w : window->findChildren<QWidget *>()) {
            if (w->isVisible() || w->window() != window || !inTree(w))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            if (iface && !isQtPart(w) && needsName(iface) &&
                iface->text(QAccessible::Name).trimmed().isEmpty())
                add(w, describe(iface) + QStringLiteral(": no accessible name"));
        }
    }

    // Whether `w` is in the tree assistive technology reads (once shown): each widget up to
    // its window is a child of its parent's interface (an item view's viewport, corner button
    // and cell editors are not; its cells are).
    static bool inTree(QWidget *w)
    {
        for (; w && !w->isWindow(); w = w->parentWidget()) {
            if (qobject_cast<QAbstractItemView *>(w->parentWidget()))
                return false; // (asking the view would warn for each)
            QAccessibleInterface *parent = QAccessible::queryAccessibleInterface(w->parentWidget());
            if (!parent || parent->indexOfChild(QAccessible::queryAccessibleInterface(w)) < 0)
                return false;
        }
        return true;
    }

    // Brings `w` to the front: every tab widget and stack around it shows the page that holds
    // it, every dock around it is raised.
    static void reveal(QWidget *w)
    {
        QList<QWidget *> chain;
        for (QWidget *p = w; p; p = p->parentWidget())
            chain.prepend(p);
        for (QWidget *p : chain) {
            auto *stack = qobject_cast<QStackedWidget *>(p->parentWidget());
            if (auto *tabs = qobject_cast<QTabWidget *>(stack ? stack->parentWidget() : nullptr);
                tabs && tabs->indexOf(p) >= 0)
                tabs->setCurrentWidget(p); // the tab bar follows
            else if (stack)
                stack->setCurrentWidget(p);
            if (auto *dock = qobject_cast<QDockWidget *>(p))
                dock->raise();
        }
    }

private:
    // Qt's own parts (a message box's icon, a line edit's clear button) are Qt's to name.
    static bool isQtPart(const QObject *object)
    {
        return object &&
               (object->objectName().startsWith(u"qt_") || object->objectName().startsWith(u"_q_"));
    }

    // Each problem once per widget (two unnamed twins are two problems).
    void add(const QObject *object, const QString &problem)
    {
        const QString key = QString::number(quintptr(object), 16) + u' ' + problem;
        if (!m_known.contains(key)) {
            m_known.insert(key);
            m_problems.append(problem);
        }
    }

    void visit(QAccessibleInterface *iface, int depth)
    {
        if (!iface || !iface->isValid() || depth > 80 || iface->state().invisible)
            return;
        ++m_seen;
        const QAccessible::Role role = iface->role();
        const QObject *object = iface->object();
        if (!isQtPart(object) && needsName(iface) &&
            iface->text(QAccessible::Name).trimmed().isEmpty())
            add(object, describe(iface) + QStringLiteral(": no accessible name"));
        // A chart paints its figures: the description says them.
        if (object && object->inherits("QGraphicsView") &&
            iface->text(QAccessible::Description).trimmed().isEmpty())
            add(object, describe(iface) + QStringLiteral(": a chart without a description"));
        if (role == QAccessible::Table || role == QAccessible::Tree || role == QAccessible::List) {
            if (auto *view = qobject_cast<QAbstractItemView *>(iface->object())) {
                checkCells(iface, view);
                return; // its children are the cells and headers
            }
        }
        for (int i = 0; i < iface->childCount(); ++i)
            visit(iface->child(i), depth + 1);
    }

    static QString describe(QAccessibleInterface *iface)
    {
        const QString role =
            QString::fromLatin1(QMetaEnum::fromType<QAccessible::Role>().valueToKey(iface->role()));
        if (iface->object())
            return role + u' ' + pathOf(iface->object());
        // A part without an object of its own (a tab, a cell): its parent's path.
        QAccessibleInterface *parent = iface->parent();
        return role + u" '" + iface->text(QAccessible::Description) + u"' in " +
               (parent && parent->object() ? pathOf(parent->object()) : QStringLiteral("?"));
    }

    static bool headerShown(QAbstractItemView *view)
    {
        if (auto *table = qobject_cast<QTableView *>(view))
            return !table->horizontalHeader()->isHidden();
        if (auto *tree = qobject_cast<QTreeView *>(view))
            return !tree->header()->isHidden();
        return false;
    }

    // The accessible cells of the first rows (every column) against the model, and the column
    // titles. A tree's rows are its shown rows, top to bottom.
    void checkCells(QAccessibleInterface *iface, QAbstractItemView *view)
    {
        const QString where = pathOf(view);
        const QAbstractItemModel *model = view->model();
        QAccessibleTableInterface *table = iface->tableInterface();
        if (!model)
            return;
        if (!table) {
            add(view, where + QStringLiteral(": no table interface (cells unreachable)"));
            return;
        }
        const QModelIndex root = view->rootIndex();
        auto *tree = qobject_cast<QTreeView *>(view);
        const bool list = iface->role() == QAccessible::List;
        const int columns = list ? qMin(1, model->columnCount(root)) : model->columnCount(root);
        if (table->columnCount() != columns)
            add(view, where + QStringLiteral(": %1 accessible columns, the model has %2")
                                  .arg(table->columnCount())
                                  .arg(columns));
        if (!tree && table->rowCount() != model->rowCount(root))
            add(view, where + QStringLiteral(": %1 accessible rows, the model has %2")
                                  .arg(table->rowCount())
                                  .arg(model->rowCount(root)));
        QModelIndex rowIndex = model->index(0, 0, root);
        for (int row = 0; row < 4 && rowIndex.isValid() && row < table->rowCount(); ++row) {
            for (int column = 0; column < columns; ++column) {
                const QModelIndex index = rowIndex.siblingAtColumn(column);
                QAccessibleInterface *cell = table->cellAt(row, column);
                ++m_cells;
                if (!cell) {
                    add(view,
                        where +
                            QStringLiteral(": no accessible cell (%1, %2)").arg(row).arg(column));
                    continue;
                }
                QString expected = model->data(index, Qt::AccessibleTextRole).toString();
                if (expected.isEmpty())
                    expected = model->data(index, Qt::DisplayRole).toString();
                const QString name = cell->text(QAccessible::Name);
                if (name != expected)
                    add(view, where + QStringLiteral(
                                          ": cell (%1, %2) reads \"%3\", the model shows \"%4\"")
                                          .arg(row)
                                          .arg(column)
                                          .arg(name, expected));
                if (name.isEmpty() && !model->data(index, Qt::DecorationRole).isNull())
                    add(view,
                        where +
                            QStringLiteral(": column %1 shows a picture without text").arg(column));
                if (!list && headerShown(view))
                    checkHeader(view, cell, model, column);
            }
            rowIndex = tree ? tree->indexBelow(rowIndex) : model->index(row + 1, 0, root);
        }
    }

    void checkHeader(const QAbstractItemView *view, QAccessibleInterface *cell,
                     const QAbstractItemModel *model, int column)
    {
        const QString where = pathOf(view);
        QAccessibleTableCellInterface *cellInterface = cell->tableCellInterface();
        const QList<QAccessibleInterface *> headers =
            cellInterface ? cellInterface->columnHeaderCells() : QList<QAccessibleInterface *>();
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        const QString read =
            headers.isEmpty() ? QString() : headers.first()->text(QAccessible::Name);
        if (read != title)
            add(view,
                where + QStringLiteral(": column %1's header reads \"%2\", the view shows \"%3\"")
                            .arg(column)
                            .arg(read, title));
        // Qt 6.4's QAccessibleTableCell::columnHeaderCells() makes new header interfaces for
        // each call and registers none of them (LeakSanitizer found 5,136). An interface is
        // deleted through the cache: registered (as the AT-SPI bridge registers them), then
        // deleted by its id.
        for (QAccessibleInterface *header : headers)
            QAccessible::deleteAccessibleInterface(QAccessible::uniqueId(header));
    }

    QStringList m_problems;
    QSet<QString> m_known;
    int m_seen = 0;
    int m_cells = 0;
};

} // namespace a11yaudit
