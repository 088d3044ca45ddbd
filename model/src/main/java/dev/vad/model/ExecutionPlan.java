package dev.vad.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.BaseCompatOp;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.Reshape;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff function compiled for one set of placeholder shapes: the ops the requested outputs need, in an order
 * that runs each after its inputs, each with its op context, arguments and output arrays bound once. A run copies the
 * placeholders into the plan's own arrays and executes the ops one after the other, with nothing else in between.
 * SameDiff's own session instead looks up, checks and allocates every op's arrays and tracks their uses on every
 * call, which for a small network costs about as long as the arithmetic (the same values to the last bit; figures:
 * docs/performance, 2026-12-01-execution-plans). Intermediate arrays come
 * from an {@link ArrayPool}: an array whose last reader has run serves a later op's output of the same type and
 * length, so the plan holds about one pass's working set, allocated once. Identities, and reshapes of the plan's own
 * arrays, are views rather than ops.
 *
 * <p>Outputs ({@link #output}) are the plan's own arrays, overwritten by the next run. Only plain ops are supported:
 * control flow, tensor lists and ops that take their scalar or axes from another array are refused when compiling,
 * naming the op. Confined to one thread; {@link #close()} frees its memory.
 */
final class ExecutionPlan implements AutoCloseable {
    private final List<Runnable> steps;
    private final Map<String, INDArray> placeholders;
    private final Map<String, INDArray> outputs;
    private final ArrayPool pool;

    private ExecutionPlan(List<Runnable> steps, Map<String, INDArray> placeholders, Map<String, INDArray> outputs,
                          ArrayPool pool) {
        this.steps = steps;
        this.placeholders = placeholders;
        this.outputs = outputs;
        this.pool = pool;
    }

    /**
     * Compiles {@code function} for the shapes of {@code feed} (placeholder name to array) and runs it once with
     * {@code feed}. Variables and constants are read from {@code owner} when it holds them (a gradient function's
     * parameters live in the graph it was made from), otherwise from {@code function}.
     */
    static ExecutionPlan compile(SameDiff function, SameDiff owner, Map<String, INDArray> feed,
                                        Collection<String> requested) {
        return new Compiler(function, owner, requested).compile(feed);
    }

    /** Runs the plan on new placeholder values, which must have the shapes it was compiled for. */
    void run(Map<String, INDArray> feed) {
        if (!feed.keySet().equals(placeholders.keySet())) {
            throw new IllegalArgumentException("plan takes " + placeholders.keySet() + ", given " + feed.keySet());
        }
        feed.forEach((name, array) -> {
            INDArray own = placeholders.get(name);
            if (!own.equalShapes(array)) {
                throw new IllegalArgumentException("plan compiled for " + name + " of shape "
                        + Arrays.toString(own.shape()) + ", given " + Arrays.toString(array.shape()));
            }
            own.assign(array);
        });
        for (Runnable step : steps) {
            step.run();
        }
    }

    /** A requested output of the last run; the plan's own array, overwritten by the next run. */
    INDArray output(String name) {
        INDArray array = outputs.get(name);
        if (array == null) {
            throw new IllegalArgumentException("plan computes " + outputs.keySet() + ", not " + name);
        }
        return array;
    }

    /** Number of ops a run executes. */
    int ops() {
        return steps.size();
    }

    /** Number of the plan's own arrays. */
    int arrays() {
        return pool.buffers();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Compiles one plan: binds every op's arrays in execution order, running each op once. */
    private static final class Compiler {
        private final SameDiff function;
        private final SameDiff owner;
        private final Collection<String> requested;
        private final List<SameDiffOp> order;
        /** For each output that is a view of another array (identity, reshape), the array it views. */
        private final Map<String, String> sources;
        private final Map<String, Integer> lastUse;
        private final ArrayPool pool = new ArrayPool();
        private final Map<String, INDArray> values = new HashMap<>();
        private final Set<String> pooled = new HashSet<>();
        private final List<Runnable> steps = new ArrayList<>();

        Compiler(SameDiff function, SameDiff owner, Collection<String> requested) {
            this.function = function;
            this.owner = owner;
            this.requested = requested;
            this.order = order(function, requested);
            this.sources = sources();
            this.lastUse = lastUses();
        }

        ExecutionPlan compile(Map<String, INDArray> feed) {
            Map<String, INDArray> placeholders = new LinkedHashMap<>();
            feed.forEach((name, array) -> {
                INDArray own = pool.take(array.dataType(), array.shape());
                own.assign(array);
                placeholders.put(name, own);
                values.put(name, own);
            });
            for (int i = 0; i < order.size(); i++) {
                add(order.get(i));
                release(order.get(i), i);
            }
            Map<String, INDArray> outputs = new LinkedHashMap<>();
            for (String name : requested) {
                outputs.put(name, value(name));
            }
            return new ExecutionPlan(List.copyOf(steps), placeholders, outputs, pool);
        }

        private void add(SameDiffOp op) {
            DifferentialFunction called = op.getOp();
            List<String> inputNames = inputsOf(op);
            INDArray[] inputs = new INDArray[inputNames.size()];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = value(inputNames.get(k));
            }
            List<String> outputNames = op.getOutputsOfOp();
            if (called instanceof Identity) {
                values.put(outputNames.get(0), inputs[0]);
                return;
            }
            refuseUnsupported(called, inputs.length);
            OpContext context = Nd4j.getExecutioner().buildContext();
            List<LongShapeDescriptor> shapes;
            Runnable step;
            if (called instanceof CustomOp) {
                DynamicCustomOp custom = (DynamicCustomOp) called;
                context.setArgs(inputs, custom.iArgs(), custom.dArgs(), custom.tArgs(), custom.bArgs());
                shapes = custom.calculateOutputShape(context);
                step = () -> Nd4j.exec(custom, context);
            } else {
                Op legacy = (Op) called;
                for (int k = 0; k < inputs.length; k++) {
                    context.setInputArray(k, inputs[k]);
                }
                shapes = ((BaseOp) legacy).calculateOutputShape(context);
                step = () -> Nd4j.exec(legacy, context);
            }
            if (shapes.size() != outputNames.size()) {
                throw new IllegalStateException(called.opName() + " (" + op.getName() + ") gives " + shapes.size()
                        + " shapes for " + outputNames.size() + " outputs");
            }
            if (sources.containsKey(outputNames.get(0))) {
                // A reshape of an array of the plan's own, contiguous in C order: a view, no copy.
                long[] shape = shapes.get(0).getShape();
                INDArray source = inputs[0];
                values.put(outputNames.get(0), Nd4j.create(source.data(), shape, Nd4j.getStrides(shape, 'c'),
                        source.offset(), 'c', source.dataType()));
                return;
            }
            for (int k = 0; k < shapes.size(); k++) {
                // Many ops may give several types; the variable's type is the one the graph was built for.
                DataType type = function.getVariable(outputNames.get(k)).dataType();
                INDArray output = pool.take(type, shapes.get(k).getShape());
                context.setOutputArray(k, output);
                values.put(outputNames.get(k), output);
                pooled.add(outputNames.get(k));
            }
            step.run();
            steps.add(step);
        }

        /** Gives back the arrays op {@code i} was the last to read, and its outputs nothing reads. */
        private void release(SameDiffOp op, int i) {
            Set<String> done = new HashSet<>(op.getOutputsOfOp());
            inputsOf(op).forEach(name -> done.add(sources.getOrDefault(name, name)));
            for (String name : done) {
                if (pooled.contains(name) && lastUse.getOrDefault(name, -1) <= i) {
                    pool.giveBack(values.get(name));
                    pooled.remove(name);
                }
            }
        }

        /**
         * The outputs that view another array, with the array each views (following views of views): identities,
         * and reshapes in C order of an array the plan allocates itself (an op's output or a placeholder's copy,
         * always contiguous in C order). A variable's array is never viewed so; it need not be contiguous.
         */
        private Map<String, String> sources() {
            Map<String, String> sources = new HashMap<>();
            for (SameDiffOp op : order) {
                String input = inputsOf(op).isEmpty() ? null : inputsOf(op).get(0);
                String source = input == null ? null : sources.getOrDefault(input, input);
                boolean view = op.getOp() instanceof Identity || op.getOp() instanceof Reshape reshape
                        && Arrays.stream(reshape.iArgs()).noneMatch(a -> a == Reshape.F_ORDER)
                        && ownArray(source);
                if (view) {
                    sources.put(op.getOutputsOfOp().get(0), source);
                }
            }
            return sources;
        }

        private boolean ownArray(String name) {
            VariableType type = function.getVariable(name).getVariableType();
            return type == VariableType.ARRAY || type == VariableType.PLACEHOLDER;
        }

        /**
         * For each array an op produces, the index of the last op that reads it, directly or through views;
         * requested outputs are read after the last op.
         */
        private Map<String, Integer> lastUses() {
            Map<String, Integer> lastUse = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                for (String input : inputsOf(order.get(i))) {
                    lastUse.put(sources.getOrDefault(input, input), i);
                }
            }
            for (String name : requested) {
                lastUse.put(sources.getOrDefault(name, name), Integer.MAX_VALUE);
            }
            return lastUse;
        }

        private INDArray value(String name) {
            INDArray value = values.get(name);
            if (value != null) {
                return value;
            }
            SDVariable variable = function.getVariable(name);
            VariableType type = variable.getVariableType();
            if (type == VariableType.PLACEHOLDER) {
                throw new IllegalArgumentException("no array given for placeholder " + name);
            }
            if (type != VariableType.VARIABLE && type != VariableType.CONSTANT) {
                throw new IllegalStateException(name + " is read before the op that computes it");
            }
            INDArray array = owner.hasVariable(name) ? owner.getArrForVarName(name) : null;
            array = array != null ? array : function.getArrForVarName(name);
            values.put(name, array);
            return array;
        }

        /** The ops {@code requested} depends on, each after the ops whose outputs it reads. */
        private static List<SameDiffOp> order(SameDiff function, Collection<String> requested) {
            List<SameDiffOp> order = new ArrayList<>();
            Set<String> visited = new HashSet<>();
            Deque<String[]> stack = new ArrayDeque<>();
            for (String name : requested) {
                if (!function.hasVariable(name)) {
                    throw new IllegalArgumentException("no variable " + name + " in the graph");
                }
                stack.push(new String[] {name, null});
                while (!stack.isEmpty()) {
                    String[] top = stack.pop();
                    String opName = top[1] != null ? top[1] : function.getVariables().get(top[0]).getOutputOfOp();
                    if (top[1] != null) {
                        order.add(function.getOps().get(opName));
                    } else if (opName != null && visited.add(opName)) {
                        stack.push(new String[] {null, opName});
                        List<String> inputs = inputsOf(function.getOps().get(opName));
                        for (int k = inputs.size() - 1; k >= 0; k--) {
                            stack.push(new String[] {inputs.get(k), null});
                        }
                    }
                }
            }
            return order;
        }

        private static List<String> inputsOf(SameDiffOp op) {
            return op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
        }

        private static void refuseUnsupported(DifferentialFunction op, int inputs) {
            boolean unsupported = op instanceof BaseCompatOp || op instanceof BaseTensorOp
                    || op instanceof CreateView || op instanceof Assign || !(op instanceof CustomOp || op instanceof Op)
                    || (op instanceof ScalarOp || op instanceof ReduceOp) && inputs > 1;
            if (unsupported) {
                throw new IllegalArgumentException("an execution plan cannot run " + op.opName() + " ("
                        + op.getOwnName() + ", " + op.getClass().getSimpleName() + ")");
            }
        }
    }
}
