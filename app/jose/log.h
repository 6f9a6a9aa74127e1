// jose/log.h — logging category of the JOSE engine.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcJose)
