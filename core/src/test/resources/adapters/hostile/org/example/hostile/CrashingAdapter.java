package org.example.hostile;

import java.lang.reflect.Field;
import java.util.List;
import sun.misc.Unsafe;

/** Crashes its JVM natively (writes to address 0) on a batch with a hostile item. */
public final class CrashingAdapter extends HostileAdapter {
    public CrashingAdapter() {
        super("hostile-crash");
    }

    @Override
    void misbehave(List<Item> batch) throws ReflectiveOperationException {
        Field field = Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        ((Unsafe) field.get(null)).putAddress(0, 0);
    }
}
