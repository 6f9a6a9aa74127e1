// ui/panels/tokenspanel.cpp — the panel of tokens (JWTs).
#include "panels/tokenspanel.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace keyhaven::ui {

TokensPanel::TokensPanel(
    vault::Vault *vault, const QList<vault::Item> &items, Clipboard *clipboard, QWidget *parent)
    : ItemPanel(vault::ItemKind::Jwt,
        Texts {
            tr("Tokens"),
            tr("Bearer tokens are short-lived passes sent as \"Authorization: Bearer …\". A JWT "
               "has three parts (header.payload.signature); the payload is only base64url-encoded, "
               "so anyone holding the token can read it, and the signature only proves it was not "
               "altered. Watch the expiry."),
            tr("&Add Token…"),
            tr("No tokens yet. Press Ctrl+N to add a JWT; it is kept in the system keychain."),
        },
        vault, items, clipboard, parent)
    , m_inspect(new QPushButton(QIcon(u":/icons/token.svg"_s), tr("&Inspect"), this))
{
    m_inspect->setObjectName(u"inspectButton"_s);
    m_inspect->setToolTip(tr("Open the selected token in the Inspector (read from the keychain)"));
    addExtraButton(m_inspect);
    const auto update = [this] { m_inspect->setEnabled(selectedItem().has_value()); };
    connect(this, &ItemPanel::selectionChanged, this, update);
    update();
    connect(m_inspect, &QPushButton::clicked, this, [this] {
        if (const std::optional<vault::Item> item = selectedItem())
            Q_EMIT inspectRequested(*item);
    });
}

} // namespace keyhaven::ui
