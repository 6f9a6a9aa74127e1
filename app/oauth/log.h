// oauth/log.h — logging category of the OAuth client. Never log a code or a token.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOAuth)
