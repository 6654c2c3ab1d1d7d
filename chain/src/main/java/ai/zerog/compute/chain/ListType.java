package ai.zerog.compute.chain;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/** {@code List<E>} as a reflective type, so array outputs decode into typed lists. */
record ListType(Class<?> element) implements ParameterizedType {
    static ListType of(Class<?> element) {
        return new ListType(element);
    }

    @Override
    public Type[] getActualTypeArguments() {
        return new Type[] {element};
    }

    @Override
    public Type getRawType() {
        return List.class;
    }

    @Override
    public Type getOwnerType() {
        return null;
    }
}
