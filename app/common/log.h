// common/log.h — logging categories of keyhaven-common. Never log a secret (DESIGN.md rule 1).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCommon)
