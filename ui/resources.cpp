// ui/resources.cpp — registers the icons of resources/keyhaven.qrc.
#include "resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initKeyhavenResources() { Q_INIT_RESOURCE(keyhaven); }

namespace keyhaven::ui {

void initResources()
{
    // keyhaven-ui is a static library: its resource object is only linked (and registered) when
    // something refers to it, so every user of an icon calls this first.
    static const bool once = (initKeyhavenResources(), true);
    Q_UNUSED(once);
}

} // namespace keyhaven::ui
