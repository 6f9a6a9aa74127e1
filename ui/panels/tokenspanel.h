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

    QPushButton *inspectButton() const { return m_inspect; }

Q_SIGNALS:
    // "Inspect": open the selected token in the Token Inspector.
    void inspectRequested(const keyhaven::vault::Item &item);

private:
    QPushButton *m_inspect;
};

} // namespace keyhaven::ui
