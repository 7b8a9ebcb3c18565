package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import static dk.tilsynsspor.query.it.WorkedExample.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In-app notifications (second round, part 3): the other side's steps and the deadlines near reach the people they
 * concern, each once, also across a restart; each user reads only their own and marks them read.
 */
@ExtendWith(EndToEnd.class)
class NotificationsIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    /** How a notification's text writes a date: "16. december 2026". */
    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    private static JsonNode notificationsWhen(EndToEnd.Stack stack, String user, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> stack.queries.get(user, "/api/notifications").body(), condition);
    }

    private static List<JsonNode> about(JsonNode list, String orderId, String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode notification : list.get("notifications")) {
            if (orderId.equals(notification.path("orderId").asText()) && kind.equals(notification.get("kind")
                    .asText())) {
                found.add(notification);
            }
        }
        return found;
    }

    @Test
    void theOtherSidesStepsReachThePeopleTheyConcernAndAreMarkedRead(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.verified(stack.commands, "ST-NOTIF-1");
        expect(200, stack.commands.post("leader", example.order("/compliance-report"), Map.of("summary", "s")));

        JsonNode inspector = notificationsWhen(stack, "inspector",
                list -> !about(list, example.orderId, "REPORT_SUBMITTED").isEmpty());
        JsonNode report = about(inspector, example.orderId, "REPORT_SUBMITTED").get(0);
        assertThat(report.get("text").asText()).contains("krav 1 og 2", "ST-NOTIF-1");
        assertThat(report.get("unread").asBoolean()).isTrue();
        assertThat(about(stack.queries.get("inspector2", "/api/notifications").body(), example.orderId,
                "REPORT_SUBMITTED")).as("another authority is told nothing").isEmpty();
        assertThat(about(stack.queries.get("leader", "/api/notifications").body(), example.orderId,
                "REPORT_SUBMITTED")).as("nor is the organisation that reported").isEmpty();

        String id = report.get("id").asText();
        expect(404, stack.queries.post("leader2", "/api/notifications/" + id + "/read", Map.of()));
        expect(200, stack.queries.post("inspector", "/api/notifications/" + id + "/read", Map.of()));
        expect(200, stack.queries.post("inspector", "/api/notifications/" + id + "/read", Map.of()));
        JsonNode read = stack.queries.get("inspector", "/api/notifications").body();
        assertThat(about(read, example.orderId, "REPORT_SUBMITTED").get(0).get("unread").asBoolean()).isFalse();

        expect(200, stack.commands.post("inspector", example.order("/decision"), Map.of("decision", "REJECT",
                "rejections", List.of(Map.of("requirementId", example.restraintRequirement, "reason", "r")))));
        JsonNode leader = notificationsWhen(stack, "leader",
                list -> !about(list, example.orderId, "REPORT_REJECTED").isEmpty());
        assertThat(about(leader, example.orderId, "REPORT_REJECTED").get(0).get("text").asText())
                .contains("krav 2");
        assertThat(leader.get("unread").asInt()).isPositive();
    }

    @Test
    void everyNotificationUpToAnInstantIsMarkedReadAtOnceAndOneMadeAfterItStaysUnread(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-NOTIF-ALLE");
        expect(201, stack.commands.post("inspector", example.requirement(example.restraintRequirement, "/comments"),
                Map.of("text", "Første bemærkning")));
        JsonNode first = about(notificationsWhen(stack, "leader",
                list -> !about(list, example.orderId, "COMMENT").isEmpty()), example.orderId, "COMMENT").get(0);
        Instant shown = Instant.parse(first.get("createdAt").asText());
        expect(201, stack.commands.post("inspector", example.requirement(example.restraintRequirement, "/comments"),
                Map.of("text", "Anden bemærkning")));
        notificationsWhen(stack, "leader", list -> about(list, example.orderId, "COMMENT").size() == 2);

        JsonNode marked = expect(200, stack.queries.post("leader", "/api/notifications/read?until=" + shown,
                Map.of())).body();
        assertThat(marked.get("marked").asInt()).as("the first comment and all before it").isPositive();
        JsonNode after = stack.queries.get("leader", "/api/notifications").body();
        String firstId = first.get("id").asText();
        assertThat(about(after, example.orderId, "COMMENT")).extracting(n -> (n.get("id").asText().equals(firstId)
                        ? "first " : "second ") + (n.get("unread").asBoolean() ? "unread" : "read"))
                .as("made after the instant given: still unread").containsExactlyInAnyOrder("first read",
                        "second unread");
        for (JsonNode notification : after.get("notifications")) {
            if (!Instant.parse(notification.get("createdAt").asText()).isAfter(shown)) {
                assertThat(notification.get("unread").asBoolean()).as(notification.toString()).isFalse();
            }
        }
        assertThat(expect(200, stack.queries.post("leader", "/api/notifications/read?until=" + shown, Map.of()))
                .body().get("marked").asInt()).as("again: nothing left to mark").isZero();

        assertThat(expect(200, stack.queries.post("leader", "/api/notifications/read", Map.of())).body()
                .get("marked").asInt()).as("until now").isPositive();
        assertThat(about(stack.queries.get("leader", "/api/notifications").body(), example.orderId, "COMMENT"))
                .allSatisfy(n -> assertThat(n.get("unread").asBoolean()).isFalse());
        assertThat(expect(200, stack.queries.post("leader", "/api/notifications/read?until="
                + "-1000000000-01-01T00:00:00Z", Map.of())).body().get("marked").asInt()).isZero();
        expect(400, stack.queries.post("leader", "/api/notifications/read?until=igaar", Map.of()));
    }

    @Test
    void aDeadlineNearIsRemindedOnceAtTheNearestMarkAlsoAcrossARestart(EndToEnd.Stack stack) {
        String orderId = expect(201, stack.commands.post("inspector", "/api/orders", Map.of(
                "authorityId", "socialtilsyn-hovedstaden", "organisationId", "kk-handicap",
                "reference", "ST-PAAMIND-1", "legalBasis", "§ 8", "issuedOn", TODAY.toString(),
                "noticeWaivedReason", "akut", "requirements", List.of(
                        Map.of("title", "Snart", "requiredChange", "c", "qualityTheme", "KOMPETENCER",
                                "deadline", TODAY.plusDays(5).toString()),
                        Map.of("title", "Senere", "requiredChange", "c", "qualityTheme", "KOMPETENCER",
                                "deadline", TODAY.plusDays(40).toString()))))).body().get("id").asText();

        JsonNode leader = notificationsWhen(stack, "leader",
                list -> !about(list, orderId, "DEADLINE_NEAR").isEmpty());
        List<JsonNode> reminders = about(leader, orderId, "DEADLINE_NEAR");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).get("text").asText()).contains("krav 1 (Snart)", "om 5 dage");
        assertThat(about(leader, orderId, "ORDER_IMPOSED")).hasSize(1);

        stack.queryService.stop();
        stack.queryService.start();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = stack.queries.get("leader", "/api/notifications").body();
            assertThat(about(after, orderId, "DEADLINE_NEAR")).as("told once, whoever sweeps").hasSize(1);
            assertThat(about(after, orderId, "ORDER_IMPOSED")).hasSize(1);
        });
    }

    @Test
    void skaerpetTilsynsEndNearRemindsTheAuthorityAndASessionReachesTheWholeTeam(EndToEnd.Stack stack) {
        WorkedExample example = WorkedExample.imposed(stack.commands, "ST-NOTIF-SKAERPET");
        expect(200, stack.commands.post("inspector", example.order("/escalation"), Map.of("reason", "Gentagne "
                + "magtanvendelser", "until", TODAY.plusDays(10).toString())));
        JsonNode inspector = notificationsWhen(stack, "inspector",
                list -> !about(list, example.orderId, "ESCALATION_ENDS").isEmpty());
        assertThat(about(inspector, example.orderId, "ESCALATION_ENDS").get(0).get("text").asText())
                .as("the date as a Danish sentence writes it").contains(TODAY.plusDays(10).format(WRITTEN));

        example.acknowledgeAndPlan();
        example.openCaseWithTeam();
        expect(201, stack.commands.post("paedagog", "/api/cases/" + example.caseId + "/sessions", Map.of(
                "heldOn", TODAY.toString(), "facilitator", "leader", "participantIds", List.of("paedagog", "psykolog"),
                "requirementIds", List.of(example.restraintRequirement))));
        JsonNode notAtTheSession = notificationsWhen(stack, "socialraadgiver",
                list -> !about(list, example.orderId, "SESSION_HELD").isEmpty());
        assertThat(about(notAtTheSession, example.orderId, "SESSION_HELD")).hasSize(1);
        assertThat(about(stack.queries.get("professional2", "/api/notifications").body(), example.orderId,
                "SESSION_HELD")).isEmpty();
    }

    /**
     * E-mail through a real SMTP server (GreenMail, started by the test): a notification reaches the organisation's
     * registered address; while the server is down the delivery fails, is recorded, and is sent once it is back.
     */
    @Test
    void notificationsAreMailedToTheRegisteredAddressAndAFailedMailIsSentLater(EndToEnd.Stack stack) throws Exception {
        expect(200, stack.commands.put("leader", "/api/organisations/kk-handicap/contact",
                Map.of("email", "ledelse@kk-handicap.example")));
        expect(422, stack.commands.put("leader", "/api/organisations/kk-handicap/contact",
                Map.of("email", "ikke en adresse")));
        expect(403, stack.commands.put("leader", "/api/organisations/aarhus-psykiatri/contact",
                Map.of("email", "x@aarhus.example")));
        GreenMail smtp = new GreenMail(new ServerSetup(EndToEnd.MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            String first = expect(201, stack.commands.post("inspector", "/api/orders", OrderSliceIT.order(
                    "ST-MAIL-1"))).body().get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> received(smtp, "ST-MAIL-1"), count -> count == 1);
            MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subject(m).contains("ST-MAIL-1")).findFirst().orElseThrow();
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ledelse@kk-handicap.example");
            assertThat(GreenMailUtil.getBody(mail)).contains("/notifikationer");
            assertThat(first).isNotBlank();
        } finally {
            smtp.stop();
        }

        expect(201, stack.commands.post("inspector", "/api/orders", OrderSliceIT.order("ST-MAIL-2")));
        await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(stack), failed -> failed > 0);
        GreenMail back = new GreenMail(new ServerSetup(EndToEnd.MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        back.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> received(back, "ST-MAIL-2"), count -> count == 1);
            Thread.sleep(3000);
            assertThat(received(back, "ST-MAIL-2")).as("sent once").isEqualTo(1);
            assertThat(received(back, "ST-MAIL-1")).as("what was delivered is not sent again").isZero();
        } finally {
            back.stop();
        }
    }

    private static long received(GreenMail smtp, String reference) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(reference)).count();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long failedAttempts(EndToEnd.Stack stack) throws java.sql.SQLException {
        long[] failed = new long[1];
        CommandSideIT.query(stack, "SELECT count(*) FROM query.mail_attempt WHERE error IS NOT NULL",
                rows -> failed[0] = rows.getLong(1));
        return failed[0];
    }
}
