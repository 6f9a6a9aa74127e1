// ui/dialogs/rotatedialog.h — rotate one item: the new secret, the overlap window, the reason.
#pragma once

#include "common/secretbytes.h"
#include "vault/item.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace keyhaven::ui {

// Only collects input (the panel hands it to Vault::rotate). The new secret is pasted into a
// password-mode field; opened with open(), never exec().
class RotateDialog : public QDialog
{
    Q_OBJECT
public:
    RotateDialog(const vault::Item &item, QWidget *parent);

    const vault::Item &item() const { return m_item; }
    int overlapDays() const;
    QString reason() const;
    // Moves the typed secret out and clears the field.
    SecretBytes takeSecret();

private:
    void updateOkButton();

    vault::Item m_item;
    QLineEdit *m_secret;
    QSpinBox *m_overlap;
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace keyhaven::ui
