// ui/panels/connectionspanel.cpp — the panel of OAuth connections.
#include "panels/connectionspanel.h"

namespace keyhaven::ui {

ConnectionsPanel::ConnectionsPanel(
    vault::Vault *vault, const QList<vault::Item> &items, Clipboard *clipboard, QWidget *parent)
    : ItemPanel(vault::ItemKind::OAuth,
        Texts {
            tr("Connections"),
            tr("An OAuth 2.0 connection grants limited, scoped access to an API without sharing a "
               "password: the authorization server issues a short-lived access token, and a "
               "refresh token gets a new one when it expires."),
            tr("&Add Connection…"),
            tr("No connections yet. Press Ctrl+N to add one."),
        },
        vault, items, clipboard, parent)
{
}

} // namespace keyhaven::ui
