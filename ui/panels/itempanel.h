// ui/panels/itempanel.h — a searchable, sortable list of one kind of item with its actions.
#pragma once

#include "vault/item.h"
#include "vault/vault.h"

#include <QPointer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace keyhaven::ui {

class Clipboard;
class ItemDialog;
class ItemFilterProxyModel;
class ItemTableModel;

// The shared body of the API keys, Tokens and Connections panels: search box, table (an
// ItemTableModel behind an ItemFilterProxyModel), add / edit / delete / copy / reveal. All
// keychain work goes through the Vault, asynchronously; dialogs and confirmations are opened
// with open(), so nothing here spins a nested event loop.
class ItemPanel : public QWidget
{
    Q_OBJECT
public:
    ~ItemPanel() override;

    vault::ItemKind kind() const { return m_kind; }
    QString title() const { return m_title; }
    ItemTableModel *model() const { return m_model; }
    ItemFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }

    // The item of the current row, if any.
    std::optional<vault::Item> selectedItem() const;
    bool selectItem(const QUuid &id);

    void setKeychainState(vault::KeychainState state);

    // QSettings: column widths and sort order per kind.
    void saveState() const;
    void restoreState();

public Q_SLOTS:
    void focusSearch();
    virtual void addItem();
    void editSelected();
    void deleteSelected();
    void copySelectedSecret();
    void revealSelectedSecret();
    void hideSecret();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    void selectionChanged();

protected:
    struct Texts
    {
        QString title; // tab title
        QString description; // a short explanation shown above the list
        QString addLabel; // "Add API key"
        QString emptyHint; // shown while the list is empty
    };
    bool eventFilter(QObject *watched, QEvent *event) override;
    // A panel-specific action next to Add / Edit / Delete / Copy.
    void addExtraButton(QPushButton *button);
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

    // `items`: the store's items, read once by the window for every panel.
    ItemPanel(vault::ItemKind kind, const Texts &texts, vault::Vault *vault,
        const QList<vault::Item> &items, Clipboard *clipboard, QWidget *parent);

private:
    void updateActions();
    void fitColumns();
    void updateEmptyHint();
    void showError(const QString &what, const Error &error);
    bool secretsUsable(QString *why) const;

    vault::ItemKind m_kind;
    QString m_title;
    QString m_emptyText;
    QPointer<vault::Vault> m_vault;
    Clipboard *m_clipboard;
    vault::KeychainState m_keychain = vault::KeychainState::Unknown;
    ItemTableModel *m_model;
    ItemFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_emptyHint;
    QHBoxLayout *m_bar = nullptr;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_copy;
    QPushButton *m_reveal;
    QLineEdit *m_secretView;
    QLabel *m_selectionLabel;
    QTimer *m_hideTimer;
    QUuid m_revealedId;
    bool m_fittingColumns = false;
    bool m_userSizedColumns = false;
};

} // namespace keyhaven::ui
