#include "core/kube/imagereference.h"

#include <QTest>

using namespace core;
using namespace core::kube;
using namespace Qt::StringLiterals;

// Expected values come from github.com/distribution/reference (reference_test.go,
// normalize_test.go) and from the CCI guide's image-replacement examples (SPEC.md section 6).
// Domain/path splitting follows the docker normalisation rule documented in imagereference.h, so
// "foo/bar" has no domain where distribution's un-normalised Parse would report "foo".
class tst_ImageReference : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void repositoryPrefix_data();
    void repositoryPrefix();
    void withRepositoryPrefix_data();
    void withRepositoryPrefix();
    void validateRepositoryName_data();
    void validateRepositoryName();
};

static const QString kSha256 = QString(64, u'f');
static const QString kSha512 = QString(128, u'f');

static void addParsed(const char *row, const QString &input, const QString &domain,
                      const QString &path, const QString &tag = {}, const QString &digest = {})
{
    QTest::newRow(row) << input << domain << path << tag << digest;
}

void tst_ImageReference::parseValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");

    const QString sha256 = u"sha256:"_s + kSha256;
    addParsed("nginx", u"nginx"_s, {}, u"nginx"_s);
    addParsed("nginx:latest", u"nginx:latest"_s, {}, u"nginx"_s, u"latest"_s);
    addParsed("guide harbor deep path", u"harbor.domain/a/b/c/d/ubuntu:latest"_s,
              u"harbor.domain"_s, u"a/b/c/d/ubuntu"_s, u"latest"_s);
    addParsed("localhost port digest", u"localhost:5000/foo/bar@"_s + sha256, u"localhost:5000"_s,
              u"foo/bar"_s, {}, sha256);
    addParsed("swr", u"swr.cn-north-4.myhuaweicloud.com/org/ubuntu:latest"_s,
              u"swr.cn-north-4.myhuaweicloud.com"_s, u"org/ubuntu"_s, u"latest"_s);
    addParsed("ipv6 host", u"[::1]:5000/img"_s, u"[::1]:5000"_s, u"img"_s);
    addParsed("docker hub namespace", u"dmcgowan/myapp"_s, {}, u"dmcgowan/myapp"_s);
    // normalize_test.go TestParseRepositoryInfo: "Foo/bar" has domain "Foo".
    addParsed("upper-case first component is a registry", u"Foo/bar"_s, u"Foo"_s, u"bar"_s);
    addParsed("localhost without port", u"localhost/app"_s, u"localhost"_s, u"app"_s);

    // reference_test.go TestReferenceParse
    addParsed("test_com", u"test_com"_s, {}, u"test_com"_s);
    addParsed("test.com:tag", u"test.com:tag"_s, {}, u"test.com"_s, u"tag"_s);
    addParsed("test.com:5000", u"test.com:5000"_s, {}, u"test.com"_s, u"5000"_s);
    addParsed("test.com/repo:tag", u"test.com/repo:tag"_s, u"test.com"_s, u"repo"_s, u"tag"_s);
    addParsed("test:5000/repo", u"test:5000/repo"_s, u"test:5000"_s, u"repo"_s);
    addParsed("tag and digest", u"test:5000/repo:tag@"_s + sha256, u"test:5000"_s, u"repo"_s,
              u"tag"_s, sha256);
    addParsed("lowercase:Uppercase", u"lowercase:Uppercase"_s, {}, u"lowercase"_s, u"Uppercase"_s);
    addParsed("255-character name", u"a/"_s.repeated(127) + u"a:tag-puts-this-over-max"_s, {},
              u"a/"_s.repeated(127) + u"a"_s, u"tag-puts-this-over-max"_s);
    addParsed("sub-dom1.foo.com", u"sub-dom1.foo.com/bar/baz/quux:some-long-tag"_s,
              u"sub-dom1.foo.com"_s, u"bar/baz/quux"_s, u"some-long-tag"_s);
    addParsed("b.gcr.io", u"b.gcr.io/test.example.com/my-app:test.example.com"_s, u"b.gcr.io"_s,
              u"test.example.com/my-app"_s, u"test.example.com"_s);
    addParsed("punycode sha512", u"xn--7o8h.com/myimage:xn--7o8h.com@sha512:"_s + kSha512,
              u"xn--7o8h.com"_s, u"myimage"_s, u"xn--7o8h.com"_s, u"sha512:"_s + kSha512);
    addParsed("foo_bar.com:8080", u"foo_bar.com:8080"_s, {}, u"foo_bar.com"_s, u"8080"_s);
    addParsed("foo/foo_bar.com:8080", u"foo/foo_bar.com:8080"_s, {}, u"foo/foo_bar.com"_s,
              u"8080"_s);
    addParsed("underscore host is a path", u"foo_bar.com/x"_s, {}, u"foo_bar.com/x"_s);
    addParsed("192.168.1.1", u"192.168.1.1"_s, {}, u"192.168.1.1"_s);
    addParsed("192.168.1.1:5000", u"192.168.1.1:5000"_s, {}, u"192.168.1.1"_s, u"5000"_s);
    addParsed("192.168.1.1/repo", u"192.168.1.1/repo"_s, u"192.168.1.1"_s, u"repo"_s);
    addParsed("192.168.1.1:5000/repo:5050", u"192.168.1.1:5000/repo:5050"_s, u"192.168.1.1:5000"_s,
              u"repo"_s, u"5050"_s);
    addParsed("[2001:db8::1]/repo", u"[2001:db8::1]/repo"_s, u"[2001:db8::1]"_s, u"repo"_s);
    addParsed("full ipv6 with tag", u"[2001:db8:1:2:3:4:5:6]/repo:tag"_s,
              u"[2001:db8:1:2:3:4:5:6]"_s, u"repo"_s, u"tag"_s);
    addParsed("[2001:db8::]:5000/repo", u"[2001:db8::]:5000/repo"_s, u"[2001:db8::]:5000"_s,
              u"repo"_s);

    // normalize_test.go TestValidateRemoteName
    addParsed("multiple hyphens", u"docker---rules/docker"_s, {}, u"docker---rules/docker"_s);
    addParsed("double underscore", u"dock__er/docker"_s, {}, u"dock__er/docker"_s);
    addParsed("single characters", u"d/docker"_s, {}, u"d/docker"_s);
    addParsed("128-character tag", u"nginx:"_s + QString(128, u't'), {}, u"nginx"_s,
              QString(128, u't'));
}

void tst_ImageReference::parseValid()
{
    QFETCH(QString, input);
    QFETCH(QString, domain);
    QFETCH(QString, path);
    QFETCH(QString, tag);
    QFETCH(QString, digest);

    const Result<ImageReference> result = ImageReference::parse(input);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->domain(), domain);
    QCOMPARE(result->path(), path);
    QCOMPARE(result->tag(), tag);
    QCOMPARE(result->digest(), digest);
    QCOMPARE(result->toString(), input);
    QCOMPARE(result->name(), domain.isEmpty() ? path : domain + u'/' + path);
}

// `part` is the piece the message must quote so the user sees what is wrong ("" when the
// message is about the whole reference).
static void addInvalid(const char *row, const QString &input, const QString &part = {})
{
    QTest::newRow(row) << input << part;
}

void tst_ImageReference::parseInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("part");

    addInvalid("empty", {});
    addInvalid("empty tag", u"nginx:"_s);
    addInvalid("empty digest", u"nginx@"_s);
    addInvalid("upper-case path", u"harbor.domain/Ubuntu:latest"_s, u"Ubuntu"_s);
    addInvalid("upper-case single name", u"Uppercase:tag"_s, u"Uppercase"_s);
    addInvalid("upper-case after registry", u"test:5000/Uppercase/lowercase:tag"_s, u"Uppercase"_s);
    addInvalid("docker/Docker", u"docker/Docker"_s, u"Docker"_s);
    addInvalid("name over 255", u"a/"_s.repeated(128) + u"a:tag"_s, u"257"_s);
    addInvalid("single component over 255", QString(256, u'a'), u"256"_s);
    addInvalid("tag over 128", u"nginx:"_s + QString(129, u't'), u"129"_s);
    addInvalid("tag starts with dash", u"nginx:-tag"_s, u"-tag"_s);
    addInvalid("tag starts with dot", u"nginx:.tag"_s, u".tag"_s);
    addInvalid("double slash", u"a//b"_s, u"//"_s);
    addInvalid("trailing slash", u"a/"_s);
    addInvalid("leading slash", u"/a"_s);
    addInvalid("space", u"a b"_s, u"a b"_s);
    addInvalid(":justtag", u":justtag"_s);
    addInvalid("@digest only", u"@sha256:"_s + kSha256);
    addInvalid("digest too short for sha256", u"repo@sha256:"_s + QString(34, u'f'), u"64"_s);
    addInvalid("digest under 32 digits", u"repo@sha256:"_s + QString(31, u'f'));
    addInvalid("unsupported digest algorithm", u"validname@invaliddigest:"_s + kSha256,
               u"invaliddigest"_s);
    addInvalid("upper-case digest hex", u"repo@sha256:"_s + QString(64, u'F'));
    addInvalid("two @", u"repo@sha256:"_s + kSha256 + u"@x"_s);
    addInvalid("special characters", u"aa/asdf$$^/aa"_s, u"asdf$$^"_s);
    addInvalid("ipv6 host only", u"[2001:db8::1]"_s, u"[2001:db8::1]"_s);
    addInvalid("ipv6 host and port only", u"[2001:db8::1]:5000"_s, u"[2001:db8::1]:5000"_s);
    addInvalid("ipv6 host with tag only", u"[2001:db8::1]:tag"_s);
    addInvalid("ipv6 zone", u"[fe80::1%eth0]:5000/repo"_s);
    addInvalid("ipv6 with ipv4 tail", u"[2001:db8:3:4::192.0.2.33]:5000/debian"_s);
    addInvalid("ipv6 without brackets", u"fc00::1:5000/debian"_s, u"fc00::1:5000"_s);
    addInvalid("url", u"https://github.com/docker/docker"_s);
    addInvalid("leading dash", u"-docker"_s);
    addInvalid("trailing dash in namespace", u"docker-/docker"_s, u"docker-"_s);
    addInvalid("underscores only", u"____/____"_s);
    addInvalid("leading underscore", u"_docker/_docker"_s);
    addInvalid("double dot", u"dock..er/docker"_s, u"dock..er"_s);
    addInvalid("underscore dot", u"dock_.er/docker"_s);
    addInvalid("triple underscore", u"dock___er/docker"_s, u"dock___er"_s);
    addInvalid("dash dot", u"dock-.er/docker"_s);
    addInvalid("image id", u"1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a"_s);
}

void tst_ImageReference::parseInvalid()
{
    QFETCH(QString, input);
    QFETCH(QString, part);
    const Result<ImageReference> result = ImageReference::parse(input);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, u"image.syntax"_s);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY2(result.error().message.contains(part), qPrintable(result.error().message));
}

void tst_ImageReference::repositoryPrefix_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("prefix");

    const auto add = [](const char *row, const QString &input, const QString &prefix) {
        QTest::newRow(row) << input << prefix;
    };
    add("guide deep path", u"harbor.domain/a/b/c/d/ubuntu:latest"_s, u"harbor.domain/a/b/c/d"_s);
    add("guide no prefix", u"nginx:latest"_s, {});
    add("guide registry only", u"harbor.domain/ubuntu:latest"_s, u"harbor.domain"_s);
    add("registry with port", u"localhost:5000/ubuntu"_s, u"localhost:5000"_s);
    add("docker hub namespace", u"library/nginx:1.25"_s, u"library"_s);
    add("digest ignored", u"[::1]:5000/img@sha256:"_s + kSha256, u"[::1]:5000"_s);
}

void tst_ImageReference::repositoryPrefix()
{
    QFETCH(QString, input);
    QFETCH(QString, prefix);
    const Result<ImageReference> result = ImageReference::parse(input);
    QVERIFY(result.ok());
    QCOMPARE(result->repositoryPrefix(), prefix);
}

static void addReplaced(const char *row, const QString &input, const QString &prefix,
                        const QString &expected, const QString &domain, const QString &path)
{
    QTest::newRow(row) << input << prefix << expected << domain << path;
}

void tst_ImageReference::withRepositoryPrefix_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("path");

    // SPEC.md section 6, from the guide.
    const QString swr = u"swr.cn-north-4.myhuaweicloud.com"_s;
    addReplaced("guide org", u"harbor.domain/a/b/c/d/ubuntu:latest"_s, swr + u"/org"_s,
                swr + u"/org/ubuntu:latest"_s, swr, u"org/ubuntu"_s);
    addReplaced("guide org1 registry prefix", u"harbor.domain/ubuntu:latest"_s, swr + u"/org1"_s,
                swr + u"/org1/ubuntu:latest"_s, swr, u"org1/ubuntu"_s);
    addReplaced("guide org1 no prefix", u"nginx:latest"_s, swr + u"/org1"_s,
                swr + u"/org1/nginx:latest"_s, swr, u"org1/nginx"_s);
    addReplaced("guide org2", u"harbor.domain/a/b/c/d/redis:latest"_s, swr + u"/org2"_s,
                swr + u"/org2/redis:latest"_s, swr, u"org2/redis"_s);

    const QString digest = u"@sha256:"_s + kSha256;
    addReplaced("digest kept", u"localhost:5000/foo/bar"_s + digest, u"registry.example.com"_s,
                u"registry.example.com/bar"_s + digest, u"registry.example.com"_s, u"bar"_s);
    addReplaced("tag and digest kept", u"a.io/x/app:v1"_s + digest, u"b.io:443/y"_s,
                u"b.io:443/y/app:v1"_s + digest, u"b.io:443"_s, u"y/app"_s);
    addReplaced("to docker hub namespace", u"harbor.domain/ubuntu:latest"_s, u"library"_s,
                u"library/ubuntu:latest"_s, {}, u"library/ubuntu"_s);
    addReplaced("registry with port only", u"nginx"_s, u"localhost:5000"_s,
                u"localhost:5000/nginx"_s, u"localhost:5000"_s, u"nginx"_s);
    addReplaced("ipv6 registry", u"team/app:1"_s, u"[::1]:5000"_s, u"[::1]:5000/app:1"_s,
                u"[::1]:5000"_s, u"app"_s);
}

void tst_ImageReference::withRepositoryPrefix()
{
    QFETCH(QString, input);
    QFETCH(QString, prefix);
    QFETCH(QString, expected);
    QFETCH(QString, domain);
    QFETCH(QString, path);

    const Result<ImageReference> original = ImageReference::parse(input);
    QVERIFY(original.ok());
    const ImageReference replaced = original->withRepositoryPrefix(prefix);
    QCOMPARE(replaced.toString(), expected);
    QCOMPARE(replaced.domain(), domain);
    QCOMPARE(replaced.path(), path);
    QCOMPARE(replaced.repositoryPrefix(), prefix);
    // The result must read back the same way, so callers can re-check it.
    const Result<ImageReference> reparsed = ImageReference::parse(replaced.toString());
    QVERIFY(reparsed.ok());
    QCOMPARE(reparsed->domain(), domain);
    QCOMPARE(reparsed->path(), path);
}

void tst_ImageReference::validateRepositoryName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    const QStringList good = {u"harbor.domain"_s,
                              u"harbor.domain/a/b/c/d"_s,
                              u"swr.cn-north-4.myhuaweicloud.com/org"_s,
                              u"swr.cn-north-4.myhuaweicloud.com:443/org"_s,
                              u"localhost:5000"_s,
                              u"[::1]:5000"_s,
                              u"192.168.0.1:8"_s,
                              u"library"_s,
                              u"org/team"_s,
                              u"Harbor/x"_s, // distribution: "Docker/docker" is valid
                              u"dock__er/a-b.c"_s};
    const QStringList bad = {u""_s,
                             u"a/"_s,
                             u"/a"_s,
                             u"a b"_s,
                             u"a//b"_s,
                             u"harbor.domain/A"_s,
                             u"harbor.domain/"_s,
                             u"nginx:latest"_s,
                             u"harbor.domain/org:tag"_s,
                             u"nginx@sha256:"_s + kSha256,
                             u"-org"_s,
                             u"org-"_s,
                             u"https://harbor.domain"_s,
                             u"fc00::1:5000"_s,
                             QString(256, u'a')};
    for (const QString &text : good)
        QTest::newRow(qPrintable(u"good " + text)) << text << true;
    for (qsizetype i = 0; i < bad.size(); ++i)
        QTest::newRow(qPrintable(u"bad %1 '%2'"_s.arg(i).arg(bad.at(i).left(40))))
            << bad.at(i) << false;
}

void tst_ImageReference::validateRepositoryName()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const QString reason = kube::validateRepositoryName(text);
    QVERIFY2(reason.isEmpty() == valid, qPrintable(reason));
}

QTEST_GUILESS_MAIN(tst_ImageReference)
#include "tst_imagereference.moc"
