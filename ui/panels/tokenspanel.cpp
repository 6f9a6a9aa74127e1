// ui/panels/tokenspanel.cpp — the panel of tokens (JWTs).
#include "panels/tokenspanel.h"

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
{
}

} // namespace keyhaven::ui
