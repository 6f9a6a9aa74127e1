// ui/dialogs/itemdialog.cpp — add or edit one vault item.
#include "dialogs/itemdialog.h"
#include "theme.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

using vault::Item;
using vault::ItemKind;

ItemDialog::ItemDialog(ItemKind kind, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_mode(mode)
{
    m_item.kind = kind;
    setObjectName(u"itemDialog"_s);
    switch (kind) {
    case ItemKind::ApiKey:
        setWindowTitle(mode == Mode::Add ? tr("Add API Key") : tr("Edit API Key"));
        break;
    case ItemKind::Jwt:
        setWindowTitle(mode == Mode::Add ? tr("Add Token") : tr("Edit Token"));
        break;
    case ItemKind::OAuth:
        setWindowTitle(mode == Mode::Add ? tr("Add Connection") : tr("Edit Connection"));
        break;
    }

    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);

    m_name = addLine(tr("&Name:"), u"nameEdit"_s, tr("A unique name, used by keyhaven-cli too."));
    m_owner = addLine(tr("&Owner:"), u"ownerEdit"_s, tr("Who is responsible for it."));
    m_tags = addLine(tr("&Tags:"), u"tagsEdit"_s, tr("Separated by commas or spaces."));

    switch (kind) {
    case ItemKind::ApiKey:
        m_header = addLine(tr("&Header:"), u"headerEdit"_s,
            tr("The HTTP header that carries the key, e.g. X-API-Key or Authorization."));
        m_header->setText(m_item.headerName);
        m_baseUrls = addLine(tr("&Base URLs:"), u"baseUrlsEdit"_s,
            tr("The only origins the key may be sent to (separated by spaces)."));
        m_baseUrls->setPlaceholderText(u"https://api.example.com"_s);
        m_rotateDays = new QSpinBox(this);
        m_rotateDays->setObjectName(u"rotateSpin"_s);
        m_rotateDays->setRange(0, 3650);
        m_rotateDays->setSuffix(tr(" days"));
        m_rotateDays->setSpecialValueText(tr("never"));
        m_rotateDays->setValue(m_item.rotateEveryDays);
        m_rotateDays->setToolTip(tr("Long-lived keys should be replaced regularly."));
        m_form->addRow(tr("&Rotate every:"), m_rotateDays);
        break;
    case ItemKind::Jwt:
        break; // issuer, subject, audience and expiry come from the token's claims
    case ItemKind::OAuth:
        m_issuer = addLine(tr("&Issuer:"), u"issuerEdit"_s, tr("The authorization server."));
        m_issuer->setPlaceholderText(u"https://accounts.example.com"_s);
        m_clientId = addLine(tr("&Client ID:"), u"clientIdEdit"_s);
        m_scopes =
            addLine(tr("&Scopes:"), u"scopesEdit"_s, tr("Separated by spaces, e.g. openid email."));
        break;
    }

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"notesEdit"_s);
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 4);
    m_form->addRow(tr("N&otes:"), m_notes);

    if (mode == Mode::Edit) {
        m_replaceSecret = new QCheckBox(tr("&Replace the secret"), this);
        m_replaceSecret->setObjectName(u"replaceSecretCheck"_s);
        m_form->addRow(QString(), m_replaceSecret);
    }
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(u"secretEdit"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText
        | Qt::ImhNoAutoUppercase | Qt::ImhSensitiveData);
    auto *show =
        m_secret->addAction(theme::icon(u":/icons/eye.svg"_s), QLineEdit::TrailingPosition);
    show->setObjectName(u"showSecretAction"_s);
    show->setCheckable(true);
    show->setToolTip(tr("Show the secret"));
    // The icon button takes no focus: a name for screen readers and a key for keyboard users.
    show->setText(tr("Show the secret"));
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(show, &QAction::toggled, m_secret,
        [this](bool on) { m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    QString secretLabel;
    switch (kind) {
    case ItemKind::ApiKey:
        secretLabel = tr("&Key:");
        break;
    case ItemKind::Jwt:
        secretLabel = tr("&Token:");
        m_secret->setPlaceholderText(u"eyJhbGciOi…"_s);
        break;
    case ItemKind::OAuth:
        secretLabel = tr("&Access token:");
        if (mode == Mode::Add)
            m_secret->setPlaceholderText(tr("optional: empty until the first login"));
        break;
    }
    m_form->addRow(secretLabel, m_secret);
    m_secretHint = new QLabel(
        tr("The secret is stored in the system keychain, never in Keyhaven's database."), this);
    m_secretHint->setWordWrap(true);
    m_secretHint->setEnabled(false);
    m_form->addRow(QString(), m_secretHint);
    if (m_replaceSecret) {
        m_secret->setEnabled(false);
        connect(m_replaceSecret, &QCheckBox::toggled, this, [this](bool on) {
            m_secret->setEnabled(on);
            if (on)
                m_secret->setFocus();
            else
                m_secret->clear();
            updateOkButton();
        });
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Add ? tr("&Add") : tr("&Save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ItemDialog::updateOkButton);
    connect(m_secret, &QLineEdit::textChanged, this, &ItemDialog::updateOkButton);
    updateOkButton();
    setMinimumWidth(480);
}

ItemDialog::~ItemDialog()
{
    // Best effort: do not leave the typed secret in the widget's buffer.
    m_secret->clear();
}

QLineEdit *ItemDialog::addLine(const QString &label, const QString &objectName, const QString &tip)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setToolTip(tip);
    m_form->addRow(label, edit);
    return edit;
}

QStringList ItemDialog::splitList(const QString &text)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

void ItemDialog::setItem(const Item &item)
{
    m_item = item;
    m_name->setText(item.name);
    m_owner->setText(item.owner);
    m_tags->setText(item.tags.join(u", "));
    m_notes->setPlainText(item.notes);
    if (m_header)
        m_header->setText(item.headerName);
    if (m_baseUrls)
        m_baseUrls->setText(item.baseUrls.join(u' '));
    if (m_rotateDays)
        m_rotateDays->setValue(item.rotateEveryDays);
    if (m_issuer)
        m_issuer->setText(item.issuerUrl);
    if (m_clientId)
        m_clientId->setText(item.clientId);
    if (m_scopes)
        m_scopes->setText(item.scopes.join(u' '));
    updateOkButton();
}

Item ItemDialog::item() const
{
    Item item = m_item;
    item.kind = m_kind;
    item.name = m_name->text().trimmed();
    item.owner = m_owner->text().trimmed();
    item.tags = splitList(m_tags->text());
    item.notes = m_notes->toPlainText();
    if (m_header)
        item.headerName = m_header->text().trimmed();
    if (m_baseUrls)
        item.baseUrls = splitList(m_baseUrls->text());
    if (m_rotateDays)
        item.rotateEveryDays = m_rotateDays->value();
    if (m_issuer)
        item.issuerUrl = m_issuer->text().trimmed();
    if (m_clientId)
        item.clientId = m_clientId->text().trimmed();
    if (m_scopes)
        item.scopes = splitList(m_scopes->text());
    return item;
}

bool ItemDialog::hasNewSecret() const
{
    if (m_replaceSecret && !m_replaceSecret->isChecked())
        return false;
    return !m_secret->text().isEmpty();
}

SecretBytes ItemDialog::takeSecret()
{
    QString text = m_secret->text();
    // Pasted keys often carry a trailing newline; inner whitespace is kept as typed.
    SecretBytes secret(text.trimmed().toUtf8());
    text.fill(u'\0');
    m_secret->clear();
    return secret;
}

void ItemDialog::updateOkButton()
{
    bool ok = !m_name->text().trimmed().isEmpty();
    // An OAuth connection may be added before its first login (no access token yet).
    const bool wantsSecret = (m_mode == Mode::Add && m_kind != ItemKind::OAuth)
        || (m_replaceSecret && m_replaceSecret->isChecked());
    if (wantsSecret && m_secret->text().trimmed().isEmpty())
        ok = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace keyhaven::ui
