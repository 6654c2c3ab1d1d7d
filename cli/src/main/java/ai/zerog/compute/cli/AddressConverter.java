package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 0x} + 40 hex digits (EIP-55 checked when mixed case) for options such as {@code --provider}. */
public final class AddressConverter implements ITypeConverter<Address> {
    @Override
    public Address convert(String value) {
        try {
            return Address.of(value.strip());
        } catch (CoreException | IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not an address (" + e.getMessage() + ")");
        }
    }
}
