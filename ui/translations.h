// ui/translations.h — installs Qt's and Keyhaven's translators for a locale (app and tests).
#pragma once

#include <QLocale>

class QCoreApplication;

namespace keyhaven::ui {

// Loads qtbase_<lang>.qm from Qt's folder and keyhaven_<lang>.qm from this library's resources
// (:/i18n) and installs both on `app` (which owns them). Returns whether Keyhaven's own
// catalogue was found for `locale` (English needs none).
bool loadTranslations(QCoreApplication *app, const QLocale &locale = QLocale());

} // namespace keyhaven::ui
