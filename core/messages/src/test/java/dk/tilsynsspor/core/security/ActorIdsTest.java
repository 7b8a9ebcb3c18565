package dk.tilsynsspor.core.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorIdsTest {

    @Test
    void anIdIsOneToTwoHundredLettersDigitsOrTheFewSignsIdentityProvidersUse() {
        assertThat(ActorIds.wellFormed("kk-handicap")).isTrue();
        assertThat(ActorIds.wellFormed("region-h-psykiatri")).isTrue();
        assertThat(ActorIds.wellFormed("æblehaven_ø.2@kommune:x|y+z")).isTrue();
        assertThat(ActorIds.wellFormed("a".repeat(200))).isTrue();
    }

    @Test
    void anythingElseIsNotAnId() {
        assertThat(ActorIds.wellFormed(null)).isFalse();
        assertThat(ActorIds.wellFormed("")).isFalse();
        assertThat(ActorIds.wellFormed("a".repeat(201))).isFalse();
        assertThat(ActorIds.wellFormed("kk handicap")).isFalse();
        assertThat(ActorIds.wellFormed("kk\u0000handicap")).isFalse();
        assertThat(ActorIds.wellFormed("kk/handicap")).isFalse();
        assertThat(ActorIds.wellFormed("<script>")).isFalse();
    }
}
