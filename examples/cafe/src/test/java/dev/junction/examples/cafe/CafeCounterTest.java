package dev.junction.examples.cafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter over HTTP, as the README's curl command uses it: a JSON order posted to {@code /cafe/orders} is taken
 * by the counter, whose receipt is the JSON answer; a drink list that is no order is refused.
 */
class CafeCounterTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private HttpResponse<String> post(CafeCounter counter, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(counter.base().resolve("orders"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @TempDir
    Path databases;

    @Test
    void anOrderPostedAsJsonGetsTheCountersReceipt() throws Exception {
        try (CafeCounter counter = CafeCounter.open(0, new CafeDatabaseFile(databases.resolve("counter")))) {
            HttpResponse<String> first = post(counter, "{\"hot\":[\"latte\"],\"iced\":[\"lemonade\"]}");
            HttpResponse<String> second = post(counter, "{\"hot\":[\"espresso\"]}");
            HttpResponse<String> empty = post(counter, "{}");

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{\"drinks\":2,\"orderNumber\":" + HttpCounter.FIRST_ORDER_NUMBER + "}");
            assertThat(second.body()).isEqualTo("{\"drinks\":1,\"orderNumber\":"
                    + (HttpCounter.FIRST_ORDER_NUMBER + 1) + "}");
            assertThat(empty.statusCode()).as("an order without drinks fails in the flow").isEqualTo(500);
        }
    }
}
