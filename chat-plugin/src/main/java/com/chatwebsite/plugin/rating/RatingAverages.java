package com.chatwebsite.plugin.rating;

import java.util.List;

/**
 * Average scores over a period, per website and per agent (who accepted the chat).
 *
 * @param websites one entry per website with ratings, by website id
 * @param agents one entry per agent with ratings, by agent name
 */
public record RatingAverages(List<Average> websites, List<Average> agents) {

    public RatingAverages {
        websites = List.copyOf(websites);
        agents = List.copyOf(agents);
    }

    /**
     * The average of some ratings.
     *
     * @param key the website's id or the agent's name
     * @param average the mean score, 1 to 5
     * @param count how many ratings
     */
    public record Average(String key, double average, int count) {
    }
}
