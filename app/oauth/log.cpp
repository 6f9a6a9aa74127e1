// oauth/log.cpp — logging category of the OAuth client.
#include "oauth/log.h"

Q_LOGGING_CATEGORY(lcOAuth, "keyhaven.oauth")
