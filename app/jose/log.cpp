// jose/log.cpp — logging category of the JOSE engine.
#include "jose/log.h"

Q_LOGGING_CATEGORY(lcJose, "keyhaven.jose")
