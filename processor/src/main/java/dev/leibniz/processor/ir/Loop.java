package dev.leibniz.processor.ir;

/**
 * A loop. Its body runs while {@code condition} holds (checked after the body for a do-while).
 * {@code trips} counts the iterations started, which the reverse sweep replays backwards; a
 * {@code counted} loop also rebuilds its index from that count instead of saving it.
 *
 * @param condition null for a loop that only a break ends
 * @param update the for-loop update, printed in the header of a counted loop; null otherwise
 */
public record Loop(String label, Template condition, boolean doWhile, Block body, Counted counted, Var trips,
        Pos pos) implements Stmt {

    /**
     * {@code for (int index = start; condition; index += step)} with the index assigned nowhere else.
     *
     * @param start the first index, available again in the reverse sweep
     */
    public record Counted(Var index, Operand start, int step) {}
}
