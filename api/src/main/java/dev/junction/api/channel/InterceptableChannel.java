package dev.junction.api.channel;

import java.util.List;

/** A channel whose interceptors can be inspected and changed at runtime. */
public interface InterceptableChannel extends MessageChannel {

    /** Appends an interceptor. */
    void addInterceptor(ChannelInterceptor interceptor);

    /** Inserts an interceptor at a position of the current list. */
    void addInterceptor(int index, ChannelInterceptor interceptor);

    /** @return whether the interceptor was present and is now removed */
    boolean removeInterceptor(ChannelInterceptor interceptor);

    /** @return a snapshot of the interceptors, in invocation order */
    List<ChannelInterceptor> getInterceptors();
}
