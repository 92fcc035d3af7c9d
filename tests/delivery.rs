#![cfg(feature = "ssr")]
//! The outbox goes out over SMTP to a mail server this test runs itself: every mail once, with
//! its subject intact in any language, even with two app instances sending; failures are
//! retried later and given up in the end. Runs on SQLite, and on PostgreSQL when
//! `VNEXT_TEST_DATABASE_URL` is set.

mod common;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::OwnedReadHalf;
use tokio::net::{TcpListener, TcpStream};
use vnext::accounts::mail::{Mail, queue};
use vnext::i18n::Lang;
use vnext::platform::delivery::{self, DeliveryReport, Mailer, Settings, deliver_due};
use vnext::platform::entity::outbox;

/// One message as the server took it.
#[derive(Clone, Debug)]
struct Received {
    recipients: Vec<String>,
    /// Headers and body, dot-unstuffed, lines ending in CRLF.
    data: String,
}

/// Just enough of an SMTP server: greets, takes EHLO, MAIL, RCPT and DATA, and keeps what it
/// receives. It answers DATA with 451 (try again later) as many times as it is told to.
struct Server {
    port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl Server {
    async fn start(refusals: usize) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let refusals = Arc::new(AtomicUsize::new(refusals));
        let shared = Arc::clone(&inbox);
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(session(socket, Arc::clone(&shared), Arc::clone(&refusals)));
            }
        });
        Server { port, inbox }
    }

    fn mailer(&self) -> Mailer {
        delivery::mailer(&format!("smtp://127.0.0.1:{}", self.port)).expect("SMTP URL")
    }

    fn received(&self) -> Vec<Received> {
        self.inbox.lock().expect("inbox").clone()
    }
}

async fn read_line(read: &mut BufReader<OwnedReadHalf>) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    read.read_until(b'\n', &mut bytes).await?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The message after DATA, up to the line holding a single dot.
async fn read_data(read: &mut BufReader<OwnedReadHalf>) -> std::io::Result<String> {
    let mut data = String::new();
    loop {
        let line = read_line(read).await?;
        if line.is_empty() || line.trim_end_matches(['\r', '\n']) == "." {
            return Ok(data);
        }
        data.push_str(line.strip_prefix('.').unwrap_or(&line));
    }
}

/// `<a@b>` in `RCPT TO:<a@b>`.
fn address(line: &str) -> String {
    line.split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(address, _)| address.to_owned())
        .unwrap_or_default()
}

async fn session(
    socket: TcpStream,
    inbox: Arc<Mutex<Vec<Received>>>,
    refusals: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut read = BufReader::new(read);
    write.write_all(b"220 test.invalid ESMTP\r\n").await?;
    let mut recipients = Vec::new();
    loop {
        let line = read_line(&mut read).await?;
        if line.is_empty() {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        let reply = if command.starts_with("EHLO") {
            "250-test.invalid\r\n250 HELP\r\n"
        } else if command.starts_with("MAIL FROM:") || command == "RSET" {
            recipients.clear();
            "250 OK\r\n"
        } else if command.starts_with("RCPT TO:") {
            recipients.push(address(&line));
            "250 OK\r\n"
        } else if command == "DATA" {
            let refuse = refusals
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                .is_ok();
            if refuse {
                "451 4.3.0 mailbox busy, try again later\r\n"
            } else {
                write.write_all(b"354 end with a dot\r\n").await?;
                let data = read_data(&mut read).await?;
                inbox.lock().expect("inbox").push(Received {
                    recipients: std::mem::take(&mut recipients),
                    data,
                });
                "250 OK queued\r\n"
            }
        } else if command == "QUIT" {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else if command.starts_with("HELO") || command == "NOOP" {
            "250 OK\r\n"
        } else {
            "502 not implemented\r\n"
        };
        write.write_all(reply.as_bytes()).await?;
    }
}

/// A header's value, unfolded.
fn header(data: &str, name: &str) -> Option<String> {
    let head = data.split("\r\n\r\n").next()?;
    let prefix = format!("{name}: ");
    let mut lines = head
        .split("\r\n")
        .skip_while(|line| !line.starts_with(prefix.as_str()));
    let mut value = lines.next()?[prefix.len()..].to_owned();
    for line in lines.take_while(|line| line.starts_with([' ', '\t'])) {
        value.push_str(line);
    }
    Some(value)
}

fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut bytes, mut acc, mut bits) = (Vec::new(), 0u32, 0u32);
    for c in text.bytes().filter(|c| *c != b'=') {
        let value = ALPHABET.iter().position(|a| *a == c).expect("base64") as u32;
        acc = (acc << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    bytes
}

/// Decodes the RFC 2047 words lettre writes (`=?utf-8?b?…?=`); the space between two encoded
/// words is folding, not text.
fn decode_words(value: &str) -> String {
    const START: &str = "=?utf-8?b?";
    let mut bytes = Vec::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.to_ascii_lowercase().find(START) {
        let (before, word) = rest.split_at(start);
        if !(after_word && before.trim().is_empty()) {
            bytes.extend_from_slice(before.as_bytes());
        }
        let word = &word[START.len()..];
        let end = word.find("?=").expect("the end of an encoded word");
        bytes.extend(base64(&word[..end]));
        rest = &word[end + 2..];
        after_word = true;
    }
    bytes.extend_from_slice(rest.as_bytes());
    String::from_utf8(bytes).expect("UTF-8")
}

fn settings() -> Settings {
    Settings::new("V-Next Zone <no-reply@zone.example>").expect("sender")
}

async fn queue_three(db: &DatabaseConnection) -> Vec<outbox::Model> {
    queue(
        db,
        "somchai@example.com",
        Lang::Th,
        Mail::Registered,
        &[("name", "Somchai".to_owned())],
    )
    .await
    .expect("queue");
    queue(db, "wei@example.com", Lang::Zh, Mail::Verified, &[])
        .await
        .expect("queue");
    queue(
        db,
        "aminah@example.com",
        Lang::En,
        Mail::PasswordReset,
        &[
            ("minutes", "30".to_owned()),
            (
                "link",
                "https://zone.example/en/password/reset?token=x".to_owned(),
            ),
        ],
    )
    .await
    .expect("queue");
    outbox_rows(db).await
}

async fn outbox_rows(db: &DatabaseConnection) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await
        .expect("outbox")
}

async fn row(db: &DatabaseConnection, id: i32) -> outbox::Model {
    outbox::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("outbox")
        .expect("the row")
}

#[tokio::test]
async fn due_mail_is_sent_once_with_its_subject_intact() {
    let db = common::database(false).await;
    let server = Server::start(0).await;
    let mailer = server.mailer();
    let mails = queue_three(&db).await;
    let now = Utc::now();

    let report = deliver_due(&db, &mailer, now, &settings())
        .await
        .expect("deliver");
    assert_eq!(
        report,
        DeliveryReport {
            due: 3,
            sent: 3,
            ..DeliveryReport::default()
        }
    );
    let received = server.received();
    assert_eq!(received.len(), 3);
    for mail in &mails {
        let got = received
            .iter()
            .find(|r| r.recipients == std::slice::from_ref(&mail.recipient))
            .unwrap_or_else(|| panic!("nothing for {}", mail.recipient));
        let subject = header(&got.data, "Subject").expect("a subject");
        assert_eq!(decode_words(&subject), mail.subject, "{subject}");
        let content_type = header(&got.data, "Content-Type").expect("a content type");
        assert!(
            content_type
                .to_ascii_lowercase()
                .contains("text/plain; charset=utf-8"),
            "{content_type}"
        );
        assert!(header(&got.data, "From").is_some_and(|f| f.contains("no-reply@zone.example")));
    }
    for mail in outbox_rows(&db).await {
        assert_eq!(mail.sent_at.map(|t| t.timestamp()), Some(now.timestamp()));
        assert_eq!(mail.claimed_until, None);
        assert_eq!(mail.attempts, 0);
    }

    let again = deliver_due(&db, &mailer, now + Duration::hours(1), &settings())
        .await
        .expect("deliver");
    assert_eq!(again, DeliveryReport::default());
    assert_eq!(server.received().len(), 3);
}

#[tokio::test]
async fn two_instances_send_each_mail_once() {
    let (first, second) = common::database_pair().await;
    let server = Server::start(0).await;
    let mails = queue_three(&first).await;
    let (one, two) = (server.mailer(), server.mailer());
    let now = Utc::now();
    let settings = settings();

    let (a, b) = tokio::join!(
        deliver_due(&first, &one, now, &settings),
        deliver_due(&second, &two, now, &settings),
    );
    let (a, b) = (a.expect("first instance"), b.expect("second instance"));
    assert_eq!(a.sent + b.sent, 3, "{a:?} {b:?}");
    let mut recipients: Vec<_> = server
        .received()
        .into_iter()
        .flat_map(|r| r.recipients)
        .collect();
    recipients.sort();
    let mut queued: Vec<_> = mails.into_iter().map(|m| m.recipient).collect();
    queued.sort();
    assert_eq!(recipients, queued);
    assert!(
        outbox_rows(&second)
            .await
            .iter()
            .all(|m| m.sent_at.is_some())
    );
}

#[tokio::test]
async fn a_refused_mail_is_retried_after_the_backoff() {
    let db = common::database(false).await;
    let server = Server::start(1).await;
    let mailer = server.mailer();
    let id = queue_three(&db).await[0].id;
    let settings = Settings {
        batch: 1,
        ..settings()
    };
    let now = Utc::now();

    let report = deliver_due(&db, &mailer, now, &settings)
        .await
        .expect("deliver");
    assert_eq!(report.deferred, 1, "{report:?}");
    assert!(server.received().is_empty());
    let refused = row(&db, id).await;
    assert_eq!(refused.attempts, 1);
    assert_eq!(refused.sent_at, None);
    assert_eq!(refused.failed_at, None);
    assert_eq!(refused.claimed_until, None);
    let error = refused.last_error.clone().expect("the error is kept");
    assert!(error.contains("451"), "{error}");
    let retry_at: DateTime<Utc> = refused.next_attempt_at.expect("a time to try again");
    assert!(
        retry_at > now + Duration::seconds(59),
        "{retry_at} after {now}"
    );

    // Before its time the mail waits; the others go first.
    let early = deliver_due(&db, &mailer, now + Duration::seconds(30), &settings)
        .await
        .expect("deliver");
    assert_eq!(early.sent, 1);
    assert_eq!(row(&db, id).await.sent_at, None);

    let later = retry_at + Duration::seconds(1);
    let mut sent = 0;
    for _ in 0..3 {
        sent += deliver_due(&db, &mailer, later, &settings)
            .await
            .expect("deliver")
            .sent;
    }
    assert_eq!(sent, 2);
    let delivered = row(&db, id).await;
    assert!(delivered.sent_at.is_some());
    assert_eq!(delivered.attempts, 1);
    assert_eq!(server.received().len(), 3);
}

#[tokio::test]
async fn delivery_gives_up_after_the_last_attempt() {
    let db = common::database(false).await;
    let server = Server::start(usize::MAX).await;
    let mailer = server.mailer();
    queue(&db, "nobody@example.com", Lang::En, Mail::Verified, &[])
        .await
        .expect("queue");
    queue(&db, "not an address", Lang::En, Mail::Verified, &[])
        .await
        .expect("queue");
    let settings = Settings {
        max_attempts: 2,
        ..settings()
    };
    let now = Utc::now();

    let first = deliver_due(&db, &mailer, now, &settings)
        .await
        .expect("deliver");
    // An address no server can take is given up at once.
    assert_eq!((first.deferred, first.failed), (1, 1), "{first:?}");
    let second = deliver_due(&db, &mailer, now + Duration::days(1), &settings)
        .await
        .expect("deliver");
    assert_eq!((second.deferred, second.failed), (0, 1), "{second:?}");
    for mail in outbox_rows(&db).await {
        assert!(mail.failed_at.is_some(), "{mail:?}");
        assert_eq!(mail.sent_at, None);
        assert!(mail.last_error.is_some());
    }
    let after = deliver_due(&db, &mailer, now + Duration::days(30), &settings)
        .await
        .expect("deliver");
    assert_eq!(after, DeliveryReport::default());
    assert!(server.received().is_empty());
}

#[test]
fn backoff_doubles_up_to_its_limit() {
    let settings = settings();
    assert_eq!(delivery::backoff(1, &settings), Duration::minutes(1));
    assert_eq!(delivery::backoff(2, &settings), Duration::minutes(2));
    assert_eq!(delivery::backoff(4, &settings), Duration::minutes(8));
    assert_eq!(delivery::backoff(20, &settings), Duration::hours(6));
    assert_eq!(delivery::backoff(i32::MAX, &settings), Duration::hours(6));
}

#[test]
fn the_default_sender_and_urls_are_accepted() {
    Settings::new(vnext::config::DEFAULT_SMTP_FROM).expect("the default sender");
    assert!(Settings::new("not an address").is_err());
    for url in [
        "smtp://127.0.0.1:2525",
        "smtps://user:secret@smtp.example.com",
        "smtp://smtp.example.com:587?tls=required",
    ] {
        delivery::mailer(url).unwrap_or_else(|e| panic!("{url}: {e}"));
    }
}
