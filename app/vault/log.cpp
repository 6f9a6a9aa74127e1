// vault/log.cpp — logging category of keyhaven-vault.
#include "vault/log.h"

// Debug output (item ids, sizes, never a secret) only when asked for: QT_LOGGING_RULES.
Q_LOGGING_CATEGORY(lcVault, "keyhaven.vault", QtInfoMsg)
