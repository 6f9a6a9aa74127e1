// ui/dialogs/itemdialog.h — add or edit one vault item (metadata, and the secret when asked).
#pragma once

#include "common/secretbytes.h"
#include "vault/item.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace keyhaven::ui {

// Add: every field plus the secret (required), typed into a password-mode field with a show
// toggle. Edit: the metadata, and optionally a new secret ("Replace the secret"). The dialog only
// collects input; the panel hands it to the Vault. Opened with open(), never exec().
class ItemDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, Edit };

    ItemDialog(vault::ItemKind kind, Mode mode, QWidget *parent);
    ~ItemDialog() override;

    Mode mode() const { return m_mode; }
    // Edit: the item whose fields are shown (its id, kind and timestamps are kept).
    void setItem(const vault::Item &item);
    // The item as entered (for Edit: the original with the edited fields).
    vault::Item item() const;
    // Whether a secret was entered to be stored (always for Add).
    bool hasNewSecret() const;
    // Moves the typed secret out and clears the field.
    SecretBytes takeSecret();

    // Splits "a, b c" lists as the tags / URL / scope fields take them.
    static QStringList splitList(const QString &text);

private:
    void updateOkButton();
    QLineEdit *addLine(const QString &label, const QString &objectName, const QString &tip = {});

    vault::ItemKind m_kind;
    Mode m_mode;
    vault::Item m_item;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_owner = nullptr;
    QLineEdit *m_tags = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLineEdit *m_header = nullptr;
    QLineEdit *m_baseUrls = nullptr;
    QSpinBox *m_rotateDays = nullptr;
    QLineEdit *m_issuer = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_scopes = nullptr;
    QCheckBox *m_replaceSecret = nullptr;
    QLineEdit *m_secret = nullptr;
    QLabel *m_secretHint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace keyhaven::ui
