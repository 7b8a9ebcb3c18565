package dk.tilsynsspor.query.replay;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild's log lines give each thread's own CPU time since its start, in seconds. */
class ThreadCpuTest {

    @Test
    void theCallingThreadsCpuSinceTheStartIsGivenInSecondsAndGrowsWithItsWork() throws Exception {
        ThreadCpu cpu = ThreadCpu.start();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] data = new byte[1 << 20];
        for (int i = 0; i < 400; i++) { // 400 MB hashed: a tenth of a second or more of this thread's own work
            digest.update(data);
        }
        assertThat(digest.digest()).hasSize(32);

        String used = cpu.used();

        assertThat(used).matches("\\d+\\.\\d s");
        assertThat(Double.parseDouble(used.substring(0, used.length() - 2))).isGreaterThanOrEqualTo(0.1);
    }
}
