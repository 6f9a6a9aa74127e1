// ui/resources.h — registers the icons of resources/keyhaven.qrc (idempotent).
#pragma once

namespace keyhaven::ui {

void initResources();

} // namespace keyhaven::ui
