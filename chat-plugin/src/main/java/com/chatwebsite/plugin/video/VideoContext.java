package com.chatwebsite.plugin.video;

import okhttp3.OkHttpClient;

/**
 * What video providers get from the running plugin: its HTTP client, which the plugin closes when
 * it stops (the plugin implements this; the host passes the plugin to the provider's constructor).
 */
public interface VideoContext {

    OkHttpClient http();
}
