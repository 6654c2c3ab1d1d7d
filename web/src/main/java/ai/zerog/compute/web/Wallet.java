package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ZgComputeBroker;

/**
 * The wallet one API request acts for: the local identity (its key in this process, the SDK
 * sends its transactions) or a browser wallet (the page sends transactions, signs tokens).
 */
record Wallet(Kind kind, ZgComputeBroker broker) {
    enum Kind { LOCAL, BROWSER }

    /** The value of the {@code X-ZG-Wallet} request header that selects the local identity. */
    static final String LOCAL_HEADER_VALUE = "local";

    Address address() {
        return broker.address();
    }

    boolean inBrowser() {
        return kind == Kind.BROWSER;
    }
}
