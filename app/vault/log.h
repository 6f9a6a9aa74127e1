// vault/log.h — logging category of keyhaven-vault. Never log a secret (DESIGN.md rule 1).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcVault)
