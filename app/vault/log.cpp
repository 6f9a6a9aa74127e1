// vault/log.cpp — logging category of keyhaven-vault.
#include "vault/log.h"

Q_LOGGING_CATEGORY(lcVault, "keyhaven.vault")
