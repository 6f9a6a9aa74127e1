// common/ossl.cpp — OpenSSL error-queue drain.
#include "common/ossl.h"

#include <openssl/err.h>

#include <QStringList>

namespace keyhaven::ossl {

QString drainErrors()
{
    QStringList reasons;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        reasons << QString::fromLatin1(buf);
    }
    return reasons.join(u"; ");
}

Error error(const QString &id, const QString &what)
{
    const QString reasons = drainErrors();
    return Error::environment(id, reasons.isEmpty() ? what : what + u": " + reasons);
}

} // namespace keyhaven::ossl
