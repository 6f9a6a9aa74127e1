// ui/panels/connectionspanel.h — the panel of OAuth connections.
#pragma once

#include "panels/itempanel.h"

namespace keyhaven::ui {

class ConnectionsPanel : public ItemPanel
{
    Q_OBJECT
public:
    ConnectionsPanel(vault::Vault *vault, const QList<vault::Item> &items, Clipboard *clipboard,
        QWidget *parent);
};

} // namespace keyhaven::ui
