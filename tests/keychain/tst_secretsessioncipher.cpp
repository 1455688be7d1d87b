// SecretSessionCipher's checks on what the Secret Service sends (the round trip against a real
// gnome-keyring is in tst_keychainsecretstore).

#include "SecretSessionCipher_p.h"

#include <QTest>

using authkit::SecretSessionCipher;

namespace {

// RFC 2409's 1024-bit MODP prime, big-endian.
QByteArray prime() {
    return QByteArray::fromHex(
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879"
        "8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B"
        "0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF");
}

QByteArray minus(QByteArray big, int value) {
    big[big.size() - 1] = static_cast<char>(static_cast<unsigned char>(big.back()) - value);
    return big;
}

} // namespace

class tst_SecretSessionCipher : public QObject {
    Q_OBJECT

private slots:
    void keyPair();
    void peerKeyOutOfRangeIsRefused_data();
    void peerKeyOutOfRangeIsRefused();
    void peerKeyInRangeIsTaken();
    void decryptNeedsKeyAndWholeBlocks();
};

void tst_SecretSessionCipher::keyPair() {
    QCOMPARE(QByteArray(SecretSessionCipher::kAlgorithm),
             QByteArray("dh-ietf1024-sha256-aes128-cbc-pkcs7"));
    SecretSessionCipher one;
    SecretSessionCipher two;
    QVERIFY(one.isValid());
    QCOMPARE(one.publicKey().size(), 128);
    QVERIFY(one.publicKey() != two.publicKey()); // a fresh private key each time
    QVERIFY(one.publicKey() < prime());
}

void tst_SecretSessionCipher::peerKeyOutOfRangeIsRefused_data() {
    QTest::addColumn<QByteArray>("peer");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("0") << QByteArray(128, '\0');
    QTest::newRow("1") << QByteArray(1, '\1');
    QTest::newRow("p-1") << minus(prime(), 1);
    QTest::newRow("p") << prime();
    QTest::newRow("129 bytes") << QByteArray(129, '\x7f');
}

void tst_SecretSessionCipher::peerKeyOutOfRangeIsRefused() {
    QFETCH(QByteArray, peer);
    SecretSessionCipher cipher;
    QVERIFY(!cipher.setPeerPublicKey(peer));
    QVERIFY(!cipher.decrypt(QByteArray(16, 'i'), QByteArray(16, 'c')));
}

void tst_SecretSessionCipher::peerKeyInRangeIsTaken() {
    SecretSessionCipher one;
    SecretSessionCipher two;
    QVERIFY(one.setPeerPublicKey(two.publicKey()));
    QVERIFY(two.setPeerPublicKey(one.publicKey()));
    QVERIFY(one.setPeerPublicKey(minus(prime(), 2)));
    QVERIFY(one.setPeerPublicKey(QByteArray(1, '\2')));
}

void tst_SecretSessionCipher::decryptNeedsKeyAndWholeBlocks() {
    SecretSessionCipher cipher;
    QVERIFY(!cipher.decrypt(QByteArray(16, 'i'), QByteArray(16, 'c'))); // no key yet
    SecretSessionCipher peer;
    QVERIFY(cipher.setPeerPublicKey(peer.publicKey()));
    QVERIFY(!cipher.decrypt(QByteArray(15, 'i'), QByteArray(16, 'c')));
    QVERIFY(!cipher.decrypt(QByteArray(16, 'i'), QByteArray()));
    QVERIFY(!cipher.decrypt(QByteArray(16, 'i'), QByteArray(17, 'c')));
}

QTEST_APPLESS_MAIN(tst_SecretSessionCipher)
#include "tst_secretsessioncipher.moc"
