package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.Units;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Base64;

/** Typed request fields; anything malformed is a 400 that names the field and the expected form. */
final class Params {
    private Params() {
    }

    static Address address(String text, String what) {
        try {
            return Address.of(text.strip());
        } catch (CoreException e) {
            throw ApiProblem.badRequest(what + " must be a 0x address of 40 hex digits, got '" + text + "'");
        }
    }

    static Address address(JsonNode body, String field) {
        return address(Json.text(body, field), field);
    }

    /** A positive 0G amount such as {@code "1.5"}, in neuron. */
    static BigInteger amount(JsonNode body, String field) {
        String text = Json.text(body, field);
        BigInteger neuron;
        try {
            neuron = Units.toNeuron(text);
        } catch (CoreException e) {
            throw ApiProblem.badRequest("the amount '" + text + "' is not a 0G amount: use a positive decimal such as"
                    + " 1 or 0.5, with at most 18 decimals");
        }
        if (neuron.signum() <= 0) {
            throw ApiProblem.badRequest("the amount must be more than 0 0G");
        }
        return neuron;
    }

    static byte[] base64(JsonNode body, String field) {
        String text = Json.text(body, field);
        int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
        try {
            return Base64.getDecoder().decode(comma < 0 ? text : text.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("field '" + field + "' must be base64 (a file read by the page)");
        }
    }
}
