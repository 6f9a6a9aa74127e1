// rotation/osuser.h — the OS user name recorded in the rotation history ("by whom").
#pragma once

#include <QString>

namespace keyhaven::rotation {

// The login name of the user running this process (getpwuid on Unix, else $USER / $USERNAME);
// "unknown" when none can be found.
QString osUserName();

} // namespace keyhaven::rotation
