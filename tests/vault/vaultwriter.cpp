// tests/vault/vaultwriter.cpp — child process for tst_vault: adds, overwrites and removes items
// in a loop until it is SIGKILLed (crash consistency), or adds one item (no-keychain test).
//
//   vaultwriter loop DATABASE SERVICE SEED   prints "ready" once started, then never stops
//   vaultwriter add DATABASE SERVICE NAME    prints "ok" or the error id; exit 0 or 2/3
//   vaultwriter rotate DATABASE SERVICE NAME VERSION   writes derivedSecret(NAME, VERSION) over
//                                            NAME's secret and sets its notes to "version VERSION"
#include "vault/vault.h"
#include "vaulttests.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace keyhaven;
using namespace keyhaven::vault;

namespace {

QStringList pool()
{
    QStringList names;
    for (int i = 0; i < 10; ++i)
        names << u"item-%1"_s.arg(i, 2, 10, QChar(u'0'));
    names << u"ключ-α"_s << u"鍵-β"_s;
    return names;
}

class Writer : public QObject
{
public:
    Writer(Vault *vault, quint32 seed)
        : m_vault(vault)
        , m_random(seed)
    {
    }

    void step()
    {
        const QStringList names = pool();
        const QString name = names.at(int(m_random.bounded(quint32(names.size()))));
        const quint32 version = m_random.generate() % 1000000;
        const std::optional<Item> existing = m_vault->find(name);
        auto next = [this] {
            QMetaObject::invokeMethod(
                this, [this] { step(); }, Qt::QueuedConnection);
        };
        if (!existing) {
            Item item;
            item.kind = m_random.bounded(2) ? ItemKind::ApiKey : ItemKind::Jwt;
            item.name = name;
            m_vault->addItem(item, SecretBytes(test::derivedSecret(name, version)), this,
                [next](Result<Item>) { next(); });
            return;
        }
        const quint32 dice = m_random.bounded(100);
        if (dice < 55) {
            m_vault->writeSecret(existing->id, existing->primaryField(),
                SecretBytes(test::derivedSecret(name, version)), this,
                [next](Result<void>) { next(); });
        } else if (dice < 80) {
            m_vault->removeItem(existing->id, this, [next](Result<void>) { next(); });
        } else {
            m_vault->readSecret(
                existing->id, existing->primaryField(), this, [name, next](Result<SecretBytes> s) {
                    if (s && !test::isDerivedSecret(name, s->view())) {
                        std::fputs("vaultwriter: read a corrupt secret\n", stderr);
                        QCoreApplication::exit(1);
                        return;
                    }
                    next();
                });
        }
    }

private:
    Vault *m_vault;
    QRandomGenerator m_random;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool rotate = args.size() == 6 && args.at(1) == u"rotate"_s;
    if (!rotate && (args.size() != 5 || (args.at(1) != u"loop"_s && args.at(1) != u"add"_s))) {
        std::fputs("usage: vaultwriter loop|add DATABASE SERVICE SEED|NAME\n"
                   "       vaultwriter rotate DATABASE SERVICE NAME VERSION\n",
            stderr);
        return 2;
    }
    Result<Vault *> vault = Vault::open(args.at(2), args.at(3), &app);
    if (!vault) {
        std::fprintf(stderr, "vaultwriter: %s\n", qPrintable(vault.error().message));
        return 3;
    }
    Vault *v = *vault;
    if (args.at(1) == u"add"_s) {
        Item item;
        item.name = args.at(4);
        v->addItem(item, SecretBytes(test::derivedSecret(item.name, 1)), &app, [](Result<Item> r) {
            if (r) {
                std::puts("ok");
                QCoreApplication::exit(0);
                return;
            }
            std::printf("%s\n", qPrintable(r.error().id));
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            QCoreApplication::exit(r.error().exitCode());
        });
        return app.exec();
    }

    if (rotate) {
        std::optional<Item> item = v->find(args.at(4));
        if (!item) {
            std::puts("not-found");
            return 2;
        }
        const quint32 version = args.at(5).toUInt();
        v->writeSecret(item->id, item->primaryField(),
            SecretBytes(test::derivedSecret(item->name, version)), &app,
            [v, id = item->id, version](Result<void> r) {
                if (r) {
                    Item changed = *v->find(id.toString(QUuid::WithoutBraces));
                    changed.notes = u"version %1"_s.arg(version);
                    r = v->updateItem(changed);
                }
                std::puts(r ? "ok" : qPrintable(r.error().id));
                QCoreApplication::exit(r ? 0 : r.error().exitCode());
            });
        return app.exec();
    }

    Writer writer(v, args.at(4).toUInt());
    // Start as the app does: settle what the previous (killed) run left, then work.
    v->reconcile(&writer, [&writer](Result<void> r) {
        if (!r) {
            std::fprintf(stderr, "vaultwriter: reconcile: %s\n", qPrintable(r.error().message));
            QCoreApplication::exit(3);
            return;
        }
        std::puts("ready");
        std::fflush(stdout);
        writer.step();
    });
    return app.exec();
}
