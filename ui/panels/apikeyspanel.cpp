// ui/panels/apikeyspanel.cpp — the panel of API keys.
#include "panels/apikeyspanel.h"

namespace keyhaven::ui {

ApiKeysPanel::ApiKeysPanel(
    vault::Vault *vault, const QList<vault::Item> &items, Clipboard *clipboard, QWidget *parent)
    : ItemPanel(vault::ItemKind::ApiKey,
        Texts {
            tr("API Keys"),
            tr("API keys are long-lived secrets that identify an application, usually sent in a "
               "header such as X-API-Key over HTTPS. Keep them out of URLs, where they end up in "
               "logs and browser history, and replace them on a schedule."),
            tr("&Add API Key…"),
            tr("No API keys yet. Press Ctrl+N to add one; its secret goes to the system "
               "keychain."),
        },
        vault, items, clipboard, parent)
{
}

} // namespace keyhaven::ui
