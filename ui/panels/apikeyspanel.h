// ui/panels/apikeyspanel.h — the panel of API keys.
#pragma once

#include "panels/itempanel.h"

namespace keyhaven::ui {

class ApiKeysPanel : public ItemPanel
{
    Q_OBJECT
public:
    ApiKeysPanel(vault::Vault *vault, const QList<vault::Item> &items, Clipboard *clipboard,
        QWidget *parent);
};

} // namespace keyhaven::ui
