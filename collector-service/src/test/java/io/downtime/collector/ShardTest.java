package io.downtime.collector;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {

    @Test
    void everyInstanceBelongsToExactlyOneShardAndTheSplitIsEven() {
        Shard[] shards = {Shard.parse("0/3"), Shard.parse("1/3"), Shard.parse("2/3")};
        int[] sizes = new int[3];
        for (int i = 0; i < 3000; i++) {
            String instance = "node-" + i + ":9100";
            int owners = 0;
            for (int s = 0; s < 3; s++) {
                if (shards[s].contains(instance)) {
                    owners++;
                    sizes[s]++;
                }
            }
            assertEquals(1, owners, instance);
            assertEquals(shards[1].contains(instance), new Shard(1, 3).contains(instance), "stable");
        }
        IntStream.of(sizes).forEach(size -> assertTrue(size > 800 && size < 1200, "sizes " + sizes[0] + " " + sizes[1] + " " + sizes[2]));
        assertTrue(Shard.ALL.contains("anything"));
    }

    @Test
    void rejectsShardsThatAreNotIOfN() {
        for (String bad : new String[]{"3/3", "-1/2", "a/b", "1", "", "0/0"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad));
            assertTrue(error.getMessage().contains("i/n") || error.getMessage().contains("shard"), error.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Shard.parse(null));
    }
}
