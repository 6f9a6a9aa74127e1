// common/result.h — a value or an Error; accessors named as in std::expected.
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace keyhaven {

// Why a job could not be done. A token that fails verification is NOT an Error: it is a successful
// result carrying error findings. An Error means the work itself could not be carried out.
struct Error
{
    enum class Kind {
        Input, // the user's input is wrong: keyhaven-cli exits 2
        Environment // keychain, database, network, file system: keyhaven-cli exits 3
    };
    QString id; // stable ("keychain-unavailable"); tests and --json match on it
    QString message; // for people; never contains a secret
    Kind kind = Kind::Input;

    static Error input(QString id, QString message)
    {
        return Error { std::move(id), std::move(message), Kind::Input };
    }
    static Error environment(QString id, QString message)
    {
        return Error { std::move(id), std::move(message), Kind::Environment };
    }
    // keyhaven-cli exit code for this error (DESIGN.md CLI contract).
    int exitCode() const { return kind == Kind::Input ? 2 : 3; }
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result(const T &value)
        : m_v(std::in_place_index<0>, value)
    {
    }
    Result(T &&value)
        : m_v(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_v(std::in_place_index<1>, std::move(error))
    {
    }

    bool has_value() const { return m_v.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &std::get<0>(m_v); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {
    }

    bool has_value() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace keyhaven
