// ui/dialogs/rotatedialog.cpp — rotate one item: the new secret, the overlap window, the reason.
#include "dialogs/rotatedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

RotateDialog::RotateDialog(const vault::Item &item, QWidget *parent)
    : QDialog(parent)
    , m_item(item)
    , m_secret(new QLineEdit(this))
    , m_overlap(new QSpinBox(this))
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"rotateDialog"_s);
    setWindowTitle(tr("Rotate “%1”").arg(item.name));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("Paste the new secret your provider issued. The old one stays in "
                                "the keychain for the overlap window, then it is deleted."),
        this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_secret->setObjectName(u"newSecretEdit"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("New secret"));
    form->addRow(tr("New &secret:"), m_secret);
    m_overlap->setObjectName(u"overlapSpin"_s);
    m_overlap->setRange(0, 3650);
    m_overlap->setSuffix(tr(" days"));
    m_overlap->setValue(item.overlapDays);
    m_overlap->setToolTip(tr("How long the old secret stays in the keychain (0: delete it now)."));
    form->addRow(tr("&Overlap:"), m_overlap);
    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setPlaceholderText(tr("e.g. scheduled rotation, leaked in a log"));
    form->addRow(tr("&Reason:"), m_reason);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Rotate"));
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_secret, &QLineEdit::textChanged, this, &RotateDialog::updateOkButton);
    updateOkButton();
}

int RotateDialog::overlapDays() const { return m_overlap->value(); }

QString RotateDialog::reason() const { return m_reason->text().trimmed(); }

SecretBytes RotateDialog::takeSecret()
{
    QString text = m_secret->text();
    SecretBytes secret(text.trimmed().toUtf8()); // a pasted key often ends in a newline
    text.fill(u'\0');
    m_secret->clear();
    return secret;
}

void RotateDialog::updateOkButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_secret->text().trimmed().isEmpty());
}

} // namespace keyhaven::ui
