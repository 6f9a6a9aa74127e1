// ui/panels/tokenspanel.h — the panel of tokens (JWTs).
#pragma once

#include "panels/itempanel.h"

namespace keyhaven::ui {

class TokensPanel : public ItemPanel
{
    Q_OBJECT
public:
    TokensPanel(vault::Vault *vault, const QList<vault::Item> &items, Clipboard *clipboard,
        QWidget *parent);
};

} // namespace keyhaven::ui
