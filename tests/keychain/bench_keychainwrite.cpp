// Benchmark, not a test: N keychain writes of a refresh-sized secret through KeychainSecretStore,
// one after the other, each (with "reread", as TokenManager does on every refresh) after a read
// of the same entry, printing the process's memory before and after.
// Run it under scripts/with-keyring.sh: bench_keychainwrite [writes=2000] [warmup=50] [reread]
#include <authkitqt/keychain/KeychainSecretStore.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>

#include <malloc.h>

#include <cstdio>
#include <functional>

namespace {

struct Memory {
    long long anonKb = -1; // Pss_Anon from smaps_rollup: the heap and other private pages
    long long rssKb = -1;
    long long heapInUse = -1; // bytes malloc has handed out and not had back
};

long long field(const QByteArray &text, const char *name) {
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(name))
            return line.mid(qstrlen(name)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

Memory sample() {
    Memory memory;
    QFile rollup(QStringLiteral("/proc/self/smaps_rollup"));
    if (rollup.open(QIODevice::ReadOnly)) {
        const QByteArray text = rollup.readAll();
        memory.anonKb = field(text, "Pss_Anon:");
        memory.rssKb = field(text, "Rss:");
    }
    memory.heapInUse = static_cast<long long>(mallinfo2().uordblks);
    return memory;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int writes = args.size() > 1 ? args.at(1).toInt() : 2000;
    const int warmup = args.size() > 2 ? args.at(2).toInt() : 50;
    const bool reread = args.size() > 3 && args.at(3) == QLatin1String("reread");

    authkit::KeychainSecretStore store(QStringLiteral("authkit-bench-keychainwrite"));
    const QString key = QStringLiteral("bench-session");
    int done = 0;
    int failures = 0;
    int target = 0;
    QByteArray written;
    std::function<void()> next;
    // Random bytes, new each time like a rotated refresh token; base64'd by qtkeychain.
    next = [&] {
        if (done == target) {
            app.quit();
            return;
        }
        auto write = [&] {
            QByteArray secret(1400, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                                  secret.size() / 4);
            written = secret;
            store.write(key, secret,
                        [&](authkit::SecretStore::Status status, const QString &error) {
                            if (status != authkit::SecretStore::Status::Ok) {
                                ++failures;
                                std::fprintf(stderr, "write failed: %s\n", qPrintable(error));
                            }
                            ++done;
                            next();
                        });
        };
        if (!reread || done == 0) {
            write();
            return;
        }
        store.read(key, [&, write](authkit::SecretStore::Status status, const QByteArray &secret,
                                   const QString &error) {
            if (status != authkit::SecretStore::Status::Ok || secret != written) {
                ++failures;
                std::fprintf(stderr, "read failed: %s\n", qPrintable(error));
            }
            write();
        });
    };

    target = warmup;
    next();
    app.exec();
    const Memory before = sample();
    QElapsedTimer timer;
    timer.start();
    target = warmup + writes;
    next();
    app.exec();
    const double seconds = timer.elapsed() / 1000.0;
    const Memory after = sample();

    store.remove(key, [&](authkit::SecretStore::Status, const QString &) { app.quit(); });
    app.exec();

    std::printf("%s %d (after %d warm-up), failures %d, %.1f s, %.1f ms each\n",
                reread ? "read+writes" : "writes", writes, warmup, failures, seconds,
                seconds * 1000.0 / writes);
    std::printf("Pss_Anon   %lld -> %lld kB (%+lld kB, %+.0f B/write)\n", before.anonKb,
                after.anonKb, after.anonKb - before.anonKb,
                (after.anonKb - before.anonKb) * 1024.0 / writes);
    std::printf("Rss        %lld -> %lld kB (%+lld kB)\n", before.rssKb, after.rssKb,
                after.rssKb - before.rssKb);
    std::printf("malloc'd   %lld -> %lld B (%+lld B, %+.0f B/write)\n", before.heapInUse,
                after.heapInUse, after.heapInUse - before.heapInUse,
                double(after.heapInUse - before.heapInUse) / writes);
    return failures == 0 ? 0 : 1;
}
