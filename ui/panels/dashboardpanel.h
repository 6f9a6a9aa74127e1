// ui/panels/dashboardpanel.h — what needs rotating: overdue, due soon and expiring items.
#pragma once

#include "vault/vault.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace keyhaven::ui {

class DashboardModel;
class ItemFilterProxyModel;
class RotateDialog;

// Counts, a filter box and every item with a deadline (DashboardModel behind the shared
// ItemFilterProxyModel), most urgent first; "Rotate…" opens a RotateDialog and hands the result
// to Vault::rotate (asynchronous; no nested event loop).
class DashboardPanel : public QWidget
{
    Q_OBJECT
public:
    DashboardPanel(vault::Vault *vault, const QList<vault::Item> &items, QWidget *parent);

    QString title() const;
    DashboardModel *model() const { return m_model; }
    ItemFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *countsLabel() const { return m_counts; }
    QPushButton *rotateButton() const { return m_rotate; }
    RotateDialog *rotateDialog() const; // the open one, if any

    std::optional<vault::Item> selectedItem() const;
    bool selectItem(const QUuid &id);

public Q_SLOTS:
    void rotateSelected();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    void rotated(const keyhaven::vault::Item &item);

private:
    void updateCounts();
    void updateActions();
    void startRotation(RotateDialog *dialog);
    void fitColumns();
    void purgeRetiredOnce();

    QPointer<vault::Vault> m_vault;
    DashboardModel *m_model;
    ItemFilterProxyModel *m_proxy;
    QLabel *m_counts;
    QLineEdit *m_search;
    QPushButton *m_rotate;
    QTableView *m_view;
    QTimer *m_fitTimer;
    QPointer<RotateDialog> m_dialog;
    bool m_purged = false;
};

} // namespace keyhaven::ui
