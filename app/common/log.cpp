// common/log.cpp — logging categories of keyhaven-common.
#include "common/log.h"

Q_LOGGING_CATEGORY(lcCommon, "keyhaven.common")
